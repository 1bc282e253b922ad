package dev.onair.rtmp.message;

import dev.onair.rtmp.amf.Amf0EcmaArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Type 18 (AMF0 data): for publishers this is {@code @setDataFrame("onMetaData", {...})}.
 *
 * @param values the AMF0 values in order; elements may be {@code null}
 */
public record DataMessage(long timestamp, int streamId, List<Object> values) implements RtmpMessage {
  public DataMessage {
    Objects.requireNonNull(values, "values is null");
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  @Override
  public RtmpMessageType type() {
    return RtmpMessageType.DATA_AMF0;
  }

  /** The handler name after stripping ffmpeg's {@code @setDataFrame} prefix, or "" if none. */
  public String name() {
    List<Object> body = body();
    return !body.isEmpty() && body.get(0) instanceof String name ? name : "";
  }

  /**
   * The metadata object of an {@code onMetaData} message (ECMA array or plain object), or an
   * empty map when this message carries none.
   */
  public Map<String, Object> metadata() {
    List<Object> body = body();
    for (int i = 1; i < body.size(); i++) {
      Object value = body.get(i);
      if (value instanceof Amf0EcmaArray array) {
        return array.entries();
      }
      if (value instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
      }
    }
    return Map.of();
  }

  private List<Object> body() {
    if (!values.isEmpty() && "@setDataFrame".equals(values.get(0))) {
      return values.subList(1, values.size());
    }
    return values;
  }
}

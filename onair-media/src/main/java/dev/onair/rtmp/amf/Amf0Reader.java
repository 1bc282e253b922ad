package dev.onair.rtmp.amf;

import dev.onair.rtmp.message.RtmpProtocolException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads AMF0 values from a buffer.
 *
 * <p>Java mapping: number → {@link Double}, boolean → {@link Boolean}, string and long string →
 * {@link String}, object → unmodifiable {@code Map<String, Object>} in wire order, null → {@code
 * null}, undefined → {@link Amf0Undefined}, ECMA array → {@link Amf0EcmaArray}, strict array →
 * unmodifiable {@code List<Object>}, date → {@link Amf0Date}.
 *
 * <p>Input comes from the network, so every malformed case (truncation, unknown markers, nesting
 * deeper than {@value #MAX_DEPTH}, lengths past the end) is reported as {@link
 * RtmpProtocolException} and no allocation exceeds the bytes actually present.
 */
public final class Amf0Reader {
  /** Deep enough for any real command object; stops stack exhaustion from hostile nesting. */
  public static final int MAX_DEPTH = 32;

  private final ByteBuffer in;

  public Amf0Reader(ByteBuffer in) {
    this.in = in;
  }

  public Amf0Reader(byte[] bytes) {
    this(ByteBuffer.wrap(bytes));
  }

  public boolean hasRemaining() {
    return in.hasRemaining();
  }

  /** Reads one value. */
  public Object read() {
    try {
      return readValue(0);
    } catch (BufferUnderflowException e) {
      throw new RtmpProtocolException("truncated AMF0 value", e);
    }
  }

  /** Reads values until the buffer is exhausted. */
  public List<Object> readAll() {
    List<Object> values = new ArrayList<>();
    while (in.hasRemaining()) {
      values.add(read());
    }
    return Collections.unmodifiableList(values);
  }

  private Object readValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw new RtmpProtocolException("AMF0 nesting deeper than " + MAX_DEPTH);
    }
    int marker = in.get() & 0xFF;
    Amf0Type type = Amf0Type.fromMarker(marker);
    if (type == null) {
      throw new RtmpProtocolException("unknown AMF0 marker 0x" + Integer.toHexString(marker));
    }
    switch (type) {
      case NUMBER:
        return in.getDouble();
      case BOOLEAN:
        return in.get() != 0;
      case STRING:
        return readUtf8(in.getShort() & 0xFFFF);
      case LONG_STRING:
        return readUtf8(readLength());
      case OBJECT:
        return readProperties(depth);
      case NULL:
        return null;
      case UNDEFINED:
        return Amf0Undefined.INSTANCE;
      case ECMA_ARRAY:
        in.getInt(); // the count is only a hint; the object-end marker terminates the array
        return new Amf0EcmaArray(readProperties(depth));
      case STRICT_ARRAY:
        return readStrictArray(depth);
      case DATE:
        double millis = in.getDouble();
        return new Amf0Date(millis, in.getShort());
      default:
        // AMF0 publishers never send references, typed objects or AMF3 switches in the
        // publish sequence; refusing them keeps the reader small.
        throw new RtmpProtocolException("unsupported AMF0 type " + type);
    }
  }

  private Map<String, Object> readProperties(int depth) {
    Map<String, Object> properties = new LinkedHashMap<>();
    while (true) {
      String key = readUtf8(in.getShort() & 0xFFFF);
      if (key.isEmpty()) {
        int marker = in.get() & 0xFF;
        if (marker == Amf0Type.OBJECT_END.marker()) {
          return Collections.unmodifiableMap(properties);
        }
        // An empty key that is not followed by object-end is legal but rare; rewind the marker.
        in.position(in.position() - 1);
      }
      properties.put(key, readValue(depth + 1));
    }
  }

  private List<Object> readStrictArray(int depth) {
    long count = in.getInt() & 0xFFFFFFFFL;
    // Every element needs at least one marker byte, so a count above the remaining bytes is a lie.
    if (count > in.remaining()) {
      throw new RtmpProtocolException("AMF0 strict array count " + count + " exceeds payload");
    }
    List<Object> values = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      values.add(readValue(depth + 1));
    }
    return Collections.unmodifiableList(values);
  }

  private int readLength() {
    long length = in.getInt() & 0xFFFFFFFFL;
    if (length > in.remaining()) {
      throw new RtmpProtocolException("AMF0 long string length " + length + " exceeds payload");
    }
    return (int) length;
  }

  private String readUtf8(int length) {
    if (length > in.remaining()) {
      throw new RtmpProtocolException("AMF0 string length " + length + " exceeds payload");
    }
    String value;
    if (in.hasArray()) {
      value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
      in.position(in.position() + length);
    } else {
      byte[] bytes = new byte[length];
      in.get(bytes);
      value = new String(bytes, StandardCharsets.UTF_8);
    }
    return value;
  }
}

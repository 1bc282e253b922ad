package dev.onair.rtmp.chunk;

import dev.onair.rtmp.message.RawMessage;
import dev.onair.rtmp.message.RtmpMessageType;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Splits messages into chunks. Pure and not thread-safe: one instance per connection direction.
 *
 * <p>By default every message starts with a full fmt-0 header, which every client parses. With
 * {@code compressHeaders} it picks fmt 1/2/3 like ffmpeg's writer; tests use that to generate
 * every header form. Extended timestamps are repeated on continuation chunks, as ffmpeg expects.
 * Encoding a {@code SetChunkSize} switches this encoder to the new size for later messages, so the
 * caller cannot forget to.
 */
public final class ChunkEncoder {
  private static final int EXTENDED = 0xFFFFFF;

  private final boolean compressHeaders;
  private final Map<Integer, long[]> previous = new HashMap<>();
  private int chunkSize = ChunkDecoder.DEFAULT_CHUNK_SIZE;

  public ChunkEncoder() {
    this(false);
  }

  public ChunkEncoder(boolean compressHeaders) {
    this.compressHeaders = compressHeaders;
  }

  public int chunkSize() {
    return chunkSize;
  }

  public void setChunkSize(int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be positive");
    }
    this.chunkSize = chunkSize;
  }

  public byte[] encode(RawMessage message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.payload().length + 32);
    encode(message, out);
    return out.toByteArray();
  }

  public void encode(RawMessage message, ByteArrayOutputStream out) {
    int csid = message.chunkStreamId();
    if (csid < 2 || csid > 65599) {
      throw new IllegalArgumentException("chunk stream id out of range: " + csid);
    }
    byte[] payload = message.payload();
    long timestamp = message.timestamp() & 0xFFFFFFFFL;
    // previous: {streamId, typeId, length, timestamp, delta}
    long[] last = previous.get(csid);
    int fmt;
    long fieldValue;
    long delta;
    if (!compressHeaders || last == null || last[0] != message.streamId() || timestamp < last[3]) {
      fmt = 0;
      fieldValue = timestamp;
      delta = timestamp;
    } else {
      delta = timestamp - last[3];
      fieldValue = delta;
      if (last[1] != message.typeId() || last[2] != payload.length) {
        fmt = 1;
      } else if (delta != last[4]) {
        fmt = 2;
      } else {
        fmt = 3;
      }
    }
    boolean extended = fieldValue >= EXTENDED;
    writeBasicHeader(out, fmt, csid);
    if (fmt <= 2) {
      writeU24(out, extended ? EXTENDED : (int) fieldValue);
    }
    if (fmt <= 1) {
      writeU24(out, payload.length);
      out.write(message.typeId());
    }
    if (fmt == 0) {
      int sid = message.streamId();
      out.write(sid);
      out.write(sid >>> 8);
      out.write(sid >>> 16);
      out.write(sid >>> 24);
    }
    if (extended) {
      writeU32(out, fieldValue);
    }
    int offset = 0;
    do {
      int n = Math.min(chunkSize, payload.length - offset);
      if (offset > 0) {
        writeBasicHeader(out, 3, csid);
        if (extended) {
          writeU32(out, fieldValue);
        }
      }
      out.write(payload, offset, n);
      offset += n;
    } while (offset < payload.length);
    previous.put(csid, new long[] {message.streamId(), message.typeId(), payload.length, timestamp, delta});

    if (message.typeId() == RtmpMessageType.SET_CHUNK_SIZE.id() && payload.length >= 4) {
      int size = ((payload[0] & 0x7F) << 24) | ((payload[1] & 0xFF) << 16)
          | ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF);
      if (size > 0) {
        chunkSize = size;
      }
    }
  }

  private static void writeBasicHeader(ByteArrayOutputStream out, int fmt, int csid) {
    if (csid < 64) {
      out.write((fmt << 6) | csid);
    } else if (csid < 320) {
      out.write(fmt << 6);
      out.write(csid - 64);
    } else {
      out.write((fmt << 6) | 1);
      out.write((csid - 64) & 0xFF);
      out.write((csid - 64) >>> 8);
    }
  }

  private static void writeU24(ByteArrayOutputStream out, int value) {
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }

  private static void writeU32(ByteArrayOutputStream out, long value) {
    out.write((int) (value >>> 24));
    out.write((int) (value >>> 16));
    out.write((int) (value >>> 8));
    out.write((int) value);
  }
}

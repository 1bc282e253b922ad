package dev.onair.rtmp.chunk;

import dev.onair.rtmp.message.RawMessage;
import dev.onair.rtmp.message.RtmpMessageType;
import dev.onair.rtmp.message.RtmpProtocolException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reassembles RTMP chunks into messages. Pure: it reads from a {@link ByteBuffer} and keeps only
 * per-chunk-stream state, so it runs the same under Netty, in unit tests and in benchmarks.
 *
 * <p>{@link #decode} consumes whole chunks only: when a chunk is incomplete the buffer position
 * is left at its first byte and the caller retries once more bytes have arrived. No state changes
 * until a whole chunk is available, which is what makes the retry safe.
 *
 * <p>Rules implemented (see docs/reference streaming.md §1.3): the four header formats; the
 * 0xFFFFFF extended timestamp, including its repetition on fmt-3 chunks; a fmt-3 chunk that
 * starts a new message adds the previous delta, a continuation does not; Set Chunk Size and Abort
 * take effect before the next chunk is parsed.
 *
 * <p>Memory is bounded: a message may not exceed {@code maxMessageSize}, message buffers grow
 * only as bytes arrive, the number of chunk streams is capped and so is the sum of partially
 * received bytes. Violations raise {@link RtmpProtocolException}, the only exception thrown for
 * bad input. Not thread-safe: one instance per connection.
 */
public final class ChunkDecoder {
  public static final int DEFAULT_CHUNK_SIZE = 128;
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;
  /** Real publishers use 3–5 chunk streams; a cap stops state-table flooding. */
  public static final int MAX_CHUNK_STREAMS = 64;

  private static final int EXTENDED = 0xFFFFFF;
  private static final int[] HEADER_SIZES = {11, 7, 3, 0};

  private final int maxMessageSize;
  private final long maxBufferedBytes;
  private final Map<Integer, ChunkStreamState> streams = new HashMap<>();
  private int chunkSize = DEFAULT_CHUNK_SIZE;
  private long bufferedBytes;
  private long bytesConsumed;

  public ChunkDecoder() {
    this(DEFAULT_MAX_MESSAGE_SIZE);
  }

  public ChunkDecoder(int maxMessageSize) {
    if (maxMessageSize < 1) {
      throw new IllegalArgumentException("maxMessageSize must be positive");
    }
    this.maxMessageSize = maxMessageSize;
    // Two full messages in flight (e.g. a big keyframe interleaved with metadata) is plenty.
    this.maxBufferedBytes = 2L * maxMessageSize;
  }

  /** The incoming chunk size currently in force. */
  public int chunkSize() {
    return chunkSize;
  }

  /** Total bytes consumed since creation; drives acknowledgements. */
  public long bytesConsumed() {
    return bytesConsumed;
  }

  /** Bytes held in partially received messages. */
  public long bufferedBytes() {
    return bufferedBytes;
  }

  /** Capacity held in partial message buffers; at most about twice {@link #bufferedBytes()}. */
  public long allocatedBytes() {
    long total = 0;
    for (ChunkStreamState state : streams.values()) {
      total += state.partial == null ? 0 : state.partial.length;
    }
    return total;
  }

  /**
   * Decodes every complete chunk in {@code in} and hands each completed message to {@code out}.
   *
   * @throws RtmpProtocolException if the bytes violate the chunk format or the limits
   */
  public void decode(ByteBuffer in, Consumer<RawMessage> out) {
    while (in.hasRemaining()) {
      int start = in.position();
      if (!decodeChunk(in, out)) {
        in.position(start);
        return;
      }
      bytesConsumed += in.position() - start;
    }
  }

  private boolean decodeChunk(ByteBuffer in, Consumer<RawMessage> out) {
    int first = in.get() & 0xFF;
    int fmt = first >>> 6;
    int csid = first & 0x3F;
    if (csid == 0) {
      if (in.remaining() < 1) {
        return false;
      }
      csid = 64 + (in.get() & 0xFF);
    } else if (csid == 1) {
      if (in.remaining() < 2) {
        return false;
      }
      csid = 64 + (in.get() & 0xFF) + ((in.get() & 0xFF) << 8);
    }
    if (in.remaining() < HEADER_SIZES[fmt]) {
      return false;
    }
    ChunkStreamState state = streams.get(csid);
    if (state == null) {
      // SRS tolerates fmt 1 on a fresh chunk stream from some encoders; fmt 2/3 have nothing to
      // inherit, so they can only be garbage.
      if (fmt >= 2) {
        throw new RtmpProtocolException("fmt " + fmt + " chunk on new chunk stream " + csid);
      }
      if (streams.size() >= MAX_CHUNK_STREAMS) {
        throw new RtmpProtocolException("more than " + MAX_CHUNK_STREAMS + " chunk streams");
      }
    }
    boolean continuation = fmt == 3 && state.inProgress();

    long timestampField;
    int length;
    int typeId;
    int streamId;
    if (fmt == 3) {
      timestampField = state.timestampField;
      length = state.length;
      typeId = state.typeId;
      streamId = state.streamId;
    } else {
      timestampField = readU24(in);
      if (fmt <= 1) {
        length = readU24(in);
        typeId = in.get() & 0xFF;
        streamId = fmt == 0 ? Integer.reverseBytes(in.getInt()) : (state == null ? 0 : state.streamId);
      } else {
        length = state.length;
        typeId = state.typeId;
        streamId = state.streamId;
      }
    }

    long extended = -1;
    if (timestampField == EXTENDED) {
      if (in.remaining() < 4) {
        return false;
      }
      long candidate = in.getInt(in.position()) & 0xFFFFFFFFL;
      // Old librtmp/ffmpeg omit the repeat on continuation chunks; SRS keeps the 4 bytes only if
      // they equal the value already seen, otherwise they are payload.
      if (!continuation || candidate == state.extendedValue) {
        in.position(in.position() + 4);
        extended = candidate;
      }
    }

    if (!continuation && length > maxMessageSize) {
      throw new RtmpProtocolException(
          "message of " + length + " bytes exceeds limit of " + maxMessageSize);
    }
    int alreadyReceived = continuation ? state.received : 0;
    int payloadBytes = Math.min(chunkSize, length - alreadyReceived);
    if (in.remaining() < payloadBytes) {
      return false;
    }

    // The whole chunk is present: commit.
    if (state == null) {
      state = new ChunkStreamState();
      streams.put(csid, state);
    }
    if (!continuation) {
      if (state.inProgress()) {
        // A new header while a message is half-read: drop the fragment as ffmpeg does.
        bufferedBytes -= state.received;
        state.reset();
      }
      long value = extended >= 0 ? extended : timestampField;
      switch (fmt) {
        case 0:
          state.timestamp = value;
          state.delta = value; // spec: fmt 3 right after fmt 0 reuses the absolute time as delta
          break;
        case 1:
        case 2:
          state.delta = value;
          state.timestamp = (state.timestamp + value) & 0xFFFFFFFFL;
          break;
        default:
          long delta = extended >= 0 ? extended : state.delta;
          state.timestamp = (state.timestamp + delta) & 0xFFFFFFFFL;
          break;
      }
      state.timestampField = (int) timestampField;
      if (extended >= 0) {
        state.extendedValue = extended;
      }
      state.length = length;
      state.typeId = typeId;
      state.streamId = streamId;
      if (bufferedBytes + length > maxBufferedBytes) {
        throw new RtmpProtocolException("too many bytes buffered in partial messages");
      }
      // Sized to the chunk actually received, then grown geometrically: allocating ahead of the bytes let a
      // peer that abandons messages (a new header on the same chunk stream) make the decoder allocate 64 KiB
      // per 13 bytes received at chunk size 1. Unless the whole message is already here: then its exact size
      // is no more than what was received, and a frame costs one array instead of three and their copies.
      state.startMessage(extended < 0 && restFollows(in, csid, length) ? length : payloadBytes);
    }
    state.append(in, payloadBytes);
    bufferedBytes += payloadBytes;

    if (state.received == state.length) {
      byte[] payload = state.partial;
      bufferedBytes -= state.received;
      state.reset();
      RawMessage message = new RawMessage(csid, typeId, state.timestamp, streamId, payload);
      applyControl(message);
      out.accept(message);
    }
    return true;
  }

  /**
   * Whether the whole message, from {@code in}'s position (this chunk's payload), is in the buffer as fmt-3
   * continuation chunks of {@code csid}: what an encoder that writes one message at a time (ffmpeg, OBS) sends, and
   * what one read holds when each read finds one frame. Reads nothing; other layouts answer false.
   */
  private boolean restFollows(ByteBuffer in, int csid, int length) {
    if (csid >= 64) {
      return false;
    }
    int continuation = 0xC0 | csid;
    int p = in.position();
    int limit = in.limit();
    int left = length;
    while (true) {
      int n = Math.min(chunkSize, left);
      if (limit - p < n) {
        return false;
      }
      p += n;
      left -= n;
      if (left == 0) {
        return true;
      }
      if (p >= limit || (in.get(p) & 0xFF) != continuation) {
        return false;
      }
      p++;
    }
  }

  /** Chunk-layer control must act before the next chunk is read, so the decoder applies it. */
  private void applyControl(RawMessage message) {
    if (message.streamId() != 0 || message.payload().length < 4) {
      return;
    }
    int value = ByteBuffer.wrap(message.payload()).getInt();
    if (message.typeId() == RtmpMessageType.SET_CHUNK_SIZE.id()) {
      if (value <= 0) {
        throw new RtmpProtocolException("invalid chunk size " + (value & 0xFFFFFFFFL));
      }
      chunkSize = value;
    } else if (message.typeId() == RtmpMessageType.ABORT.id()) {
      ChunkStreamState aborted = streams.get(value);
      if (aborted != null && aborted.inProgress()) {
        bufferedBytes -= aborted.received;
        aborted.reset();
      }
    }
  }

  private static int readU24(ByteBuffer in) {
    return ((in.get() & 0xFF) << 16) | ((in.get() & 0xFF) << 8) | (in.get() & 0xFF);
  }
}

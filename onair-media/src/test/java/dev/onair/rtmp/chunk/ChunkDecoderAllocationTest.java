package dev.onair.rtmp.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.rtmp.message.RawMessage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes the decoder allocates per byte received (the JVM's per-thread allocation counter): bounded by a small
 * factor whatever the peer declares, so garbage cannot be amplified into allocation.
 */
class ChunkDecoderAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("abandoned 16 MiB messages at chunk size 1 (allocated 5,000 bytes per byte)",
            abandoned(1, 5_000)),
        Arguments.of("abandoned 16 MiB messages at chunk size 128 (468 bytes per byte)", abandoned(128, 2_000)),
        Arguments.of("abandoned 16 MiB messages at chunk size 4096", abandoned(4096, 200)),
        Arguments.of("a 300 KB video message in 4096-byte chunks", whole(4096, 300_000)),
        Arguments.of("a 300 KB video message in 128-byte chunks", whole(128, 300_000)),
        Arguments.of("many small audio messages", repeated(64, 400)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void decode_allocatesAtMostFourBytesPerByteReceived(String rule, byte[] input) {
    ChunkDecoder warmUp = new ChunkDecoder();
    warmUp.decode(ByteBuffer.wrap(input), message -> {});
    List<RawMessage> messages = new ArrayList<>(100_000);

    long before = THREADS.getCurrentThreadAllocatedBytes();
    new ChunkDecoder().decode(ByteBuffer.wrap(input), messages::add);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

    assertThat(allocated).as("%d bytes allocated for %d received", allocated, input.length)
        .isLessThanOrEqualTo(4L * input.length + 64 * 1024);
  }

  static Stream<Arguments> wholeMessages() {
    return Stream.of(
        Arguments.of("200 video frames of 12.5 KB in 4096-byte chunks (3 Mbps at 30 fps)", repeated(12_500, 200)),
        Arguments.of("a 300 KB keyframe in 4096-byte chunks", whole(4096, 300_000)),
        Arguments.of("a 300 KB keyframe in 128-byte chunks", whole(128, 300_000)),
        Arguments.of("many small audio messages", repeated(400, 400)));
  }

  /** A message whose chunks all arrived in one read is assembled in one array of its size, without regrowth. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("wholeMessages")
  void decode_messageAlreadyReceived_allocatesItsSizeOnce(String rule, byte[] input) {
    ChunkDecoder warmUp = new ChunkDecoder();
    warmUp.decode(ByteBuffer.wrap(input), message -> {});
    List<RawMessage> messages = new ArrayList<>(100_000);

    long before = THREADS.getCurrentThreadAllocatedBytes();
    new ChunkDecoder().decode(ByteBuffer.wrap(input), messages::add);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

    long payload = messages.stream().mapToLong(m -> m.payload().length).sum();
    assertThat(allocated).as("%d bytes allocated for %d bytes of payload", allocated, payload)
        .isLessThanOrEqualTo(payload + 64L * messages.size() + 16 * 1024);
  }

  private static ByteArrayOutputStream withChunkSize(int chunkSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x02, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0});
    out.writeBytes(ByteBuffer.allocate(4).putInt(chunkSize).array());
    return out;
  }

  /** Each message declares 16 MiB - 16, gets one chunk, then a new header on the same chunk stream drops it. */
  private static byte[] abandoned(int chunkSize, int count) {
    ByteArrayOutputStream out = withChunkSize(chunkSize);
    for (int i = 0; i < count; i++) {
      out.writeBytes(new byte[] {0x03, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 9, 1, 0, 0, 0});
      out.writeBytes(new byte[chunkSize]);
    }
    return out.toByteArray();
  }

  private static byte[] whole(int chunkSize, int length) {
    ChunkEncoder encoder = new ChunkEncoder(true);
    ByteArrayOutputStream out = withChunkSize(chunkSize);
    encoder.setChunkSize(chunkSize);
    out.writeBytes(encoder.encode(new RawMessage(6, 9, 0, 1, new byte[length])));
    return out.toByteArray();
  }

  private static byte[] repeated(int length, int count) {
    ChunkEncoder encoder = new ChunkEncoder(true);
    ByteArrayOutputStream out = withChunkSize(4096);
    encoder.setChunkSize(4096);
    for (int i = 0; i < count; i++) {
      out.writeBytes(encoder.encode(new RawMessage(4, 8, i * 23L, 1, new byte[length])));
    }
    return out.toByteArray();
  }
}

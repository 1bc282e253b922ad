package dev.onair.rtmp.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.rtmp.message.RawMessage;
import dev.onair.rtmp.message.RtmpProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ChunkCodecPropertiesTest {

  @Property(tries = 500)
  void randomBytes_onlyProtocolExceptions_andBoundedMemory(@ForAll @Size(max = 4096) byte[] input,
      @ForAll @IntRange(min = 1, max = 64) int sliceSize) {
    ChunkDecoder decoder = new ChunkDecoder();
    long maxAllocated = 0;
    try {
      ByteBuffer pending = ByteBuffer.allocate(0);
      for (int offset = 0; offset < input.length; offset += sliceSize) {
        int n = Math.min(sliceSize, input.length - offset);
        ByteBuffer next = ByteBuffer.allocate(pending.remaining() + n);
        next.put(pending).put(input, offset, n).flip();
        decoder.decode(next, m -> {});
        pending = next;
        maxAllocated = Math.max(maxAllocated, decoder.allocatedBytes());
      }
    } catch (RtmpProtocolException expected) {
      // the only acceptable failure
    }
    // Buffers start at most 64 KiB per chunk stream and otherwise grow with received bytes.
    assertThat(maxAllocated).isLessThanOrEqualTo(ChunkDecoder.MAX_CHUNK_STREAMS * 65_536L + 2L * input.length);
  }

  @Property(tries = 300)
  void randomBytes_afterValidPrefix_onlyProtocolExceptions(@ForAll("messages") List<RawMessage> messages,
      @ForAll @Size(max = 512) byte[] garbage) {
    ChunkEncoder encoder = new ChunkEncoder(true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    messages.forEach(m -> encoder.encode(m, out));
    out.writeBytes(garbage);
    try {
      new ChunkDecoder().decode(ByteBuffer.wrap(out.toByteArray()), m -> {});
    } catch (RtmpProtocolException expected) {
      // fine
    }
  }

  @Property(tries = 300)
  void encodeThenDecode_roundTrips(@ForAll("messages") List<RawMessage> messages,
      @ForAll @IntRange(min = 1, max = 300) int chunkSize, @ForAll boolean compress,
      @ForAll @IntRange(min = 1, max = 97) int sliceSize) {
    ChunkEncoder encoder = new ChunkEncoder(compress);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Announce the chunk size in-band, as a real peer does.
    byte[] size = ByteBuffer.allocate(4).putInt(chunkSize).array();
    RawMessage setChunkSize = new RawMessage(2, 1, 0, 0, size);
    encoder.encode(setChunkSize, out);
    messages.forEach(m -> encoder.encode(m, out));

    List<RawMessage> expected = new ArrayList<>();
    expected.add(setChunkSize);
    expected.addAll(messages);
    assertThat(ChunkDecoderTest.decodeAll(out.toByteArray(), sliceSize)).containsExactlyElementsOf(expected);
  }

  @Provide
  Arbitrary<List<RawMessage>> messages() {
    Arbitrary<Integer> csid = Arbitraries.of(3, 4, 6, 63, 64, 319, 320, 65599);
    Arbitrary<Integer> type = Arbitraries.of(8, 9, 18, 20);
    Arbitrary<Integer> streamId = Arbitraries.of(0, 1, 0x01020304);
    Arbitrary<Long> timestampStep = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(0, 100)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0xFFFFF0L, 0x1000010L)));
    Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(700);
    Arbitrary<long[]> step = Combinators.combine(csid, type, streamId, timestampStep)
        .as((c, t, s, d) -> new long[] {c, t, s, d});
    return Combinators.combine(step.list().ofMaxSize(20), payload.list().ofSize(20))
        .as((steps, payloads) -> {
          List<RawMessage> result = new ArrayList<>();
          java.util.Map<Long, Long> clock = new java.util.HashMap<>();
          for (int i = 0; i < steps.size(); i++) {
            long[] s = steps.get(i);
            long ts = (clock.getOrDefault(s[0], 0L) + s[3]) & 0xFFFFFFFFL;
            clock.put(s[0], ts);
            result.add(new RawMessage((int) s[0], (int) s[1], ts, (int) s[2], payloads.get(i)));
          }
          return result;
        });
  }
}

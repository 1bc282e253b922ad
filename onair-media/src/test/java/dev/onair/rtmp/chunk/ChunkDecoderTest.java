package dev.onair.rtmp.chunk;

import static dev.onair.media.testing.Hex.concat;
import static dev.onair.media.testing.Hex.fill;
import static dev.onair.media.testing.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.rtmp.message.RawMessage;
import dev.onair.rtmp.message.RtmpProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkDecoderTest {

  private static RawMessage raw(int csid, int type, long ts, int sid, byte[] payload) {
    return new RawMessage(csid, type, ts, sid, payload);
  }

  static Stream<Arguments> cases() {
    byte[] p4 = hex("01020304");
    byte[] p200 = fill(200, 0);
    byte[] p300 = fill(300, 7);
    return Stream.of(
        Arguments.of("fmt0 single chunk",
            hex("03 0003E8 000004 08 01000000 01020304"),
            List.of(raw(3, 8, 1000, 1, p4))),
        Arguments.of("fmt1 inherits stream id, adds delta",
            concat(hex("03 0003E8 000002 08 01000000 AABB"), hex("43 000021 000003 09 CCDDEE")),
            List.of(raw(3, 8, 1000, 1, hex("AABB")), raw(3, 9, 1033, 1, hex("CCDDEE")))),
        Arguments.of("fmt2 inherits length and type",
            concat(hex("04 000064 000002 08 01000000 AABB"), hex("84 000017 CCDD")),
            List.of(raw(4, 8, 100, 1, hex("AABB")), raw(4, 8, 123, 1, hex("CCDD")))),
        Arguments.of("fmt3 new message after fmt2 repeats delta",
            concat(hex("04 000064 000001 08 01000000 AA"), hex("84 000017 BB"), hex("C4 CC"), hex("C4 DD")),
            List.of(raw(4, 8, 100, 1, hex("AA")), raw(4, 8, 123, 1, hex("BB")),
                raw(4, 8, 146, 1, hex("CC")), raw(4, 8, 169, 1, hex("DD")))),
        Arguments.of("fmt3 right after fmt0 uses the absolute timestamp as delta",
            concat(hex("05 000028 000001 12 00000000 AA"), hex("C5 BB")),
            List.of(raw(5, 18, 40, 0, hex("AA")), raw(5, 18, 80, 0, hex("BB")))),
        Arguments.of("fmt3 continuation does not add delta",
            concat(hex("06 000021 0000C8 09 01000000"), fill(128, 0), hex("C6"), fill(72, 128)),
            List.of(raw(6, 9, 33, 1, p200))),
        Arguments.of("extended timestamp on fmt0",
            hex("03 FFFFFF 000001 08 01000000 01000000 AA"),
            List.of(raw(3, 8, 0x01000000L, 1, hex("AA")))),
        Arguments.of("extended timestamp repeated on continuation (ffmpeg)",
            concat(hex("06 FFFFFF 0000C8 09 01000000 01000001"), fill(128, 0), hex("C6 01000001"), fill(72, 128)),
            List.of(raw(6, 9, 0x01000001L, 1, p200))),
        Arguments.of("extended timestamp omitted on continuation (old librtmp)",
            concat(hex("06 FFFFFF 0000C8 09 01000000 01000001"), fill(128, 0), hex("C6"), fill(72, 128)),
            List.of(raw(6, 9, 0x01000001L, 1, p200))),
        Arguments.of("extended delta on fmt1",
            concat(hex("03 000010 000001 08 01000000 AA"), hex("43 FFFFFF 000001 08 01000000 BB")),
            List.of(raw(3, 8, 16, 1, hex("AA")), raw(3, 8, 16 + 0x01000000L, 1, hex("BB")))),
        Arguments.of("fmt3 new message with extended delta reads the 4 bytes",
            concat(hex("03 FFFFFF 000001 08 01000000 01000000 AA"), hex("C3 01000000 BB")),
            List.of(raw(3, 8, 0x01000000L, 1, hex("AA")), raw(3, 8, 0x02000000L, 1, hex("BB")))),
        Arguments.of("two-byte basic header csid 64",
            hex("00 00 000001 000001 08 01000000 AA"), List.of(raw(64, 8, 1, 1, hex("AA")))),
        Arguments.of("two-byte basic header csid 319",
            hex("00 FF 000001 000001 08 01000000 AA"), List.of(raw(319, 8, 1, 1, hex("AA")))),
        Arguments.of("three-byte basic header csid 320",
            hex("01 0001 000001 000001 08 01000000 AA"), List.of(raw(320, 8, 1, 1, hex("AA")))),
        Arguments.of("three-byte basic header csid 65599",
            hex("01 FFFF 000001 000001 08 01000000 AA"), List.of(raw(65599, 8, 1, 1, hex("AA")))),
        Arguments.of("set chunk size mid-stream applies to the next chunk",
            concat(hex("02 000000 000004 01 00000000 00000100"), hex("06 000000 00012C 09 01000000"),
                fill(256, 7), hex("C6"), fill(44, 7 + 256)),
            List.of(raw(2, 1, 0, 0, hex("00000100")), raw(6, 9, 0, 1, p300))),
        Arguments.of("interleaved chunk streams",
            concat(hex("04 00000A 0000C8 08 01000000"), fill(128, 0),
                hex("06 00000B 000002 09 01000000 EEFF"),
                hex("C4"), fill(72, 128)),
            List.of(raw(6, 9, 11, 1, hex("EEFF")), raw(4, 8, 10, 1, p200))),
        Arguments.of("abort drops the partial message",
            concat(hex("04 00000A 0000C8 08 01000000"), fill(128, 0),
                hex("02 000000 000004 02 00000000 00000004"),
                hex("04 00000C 000001 08 01000000 AB")),
            List.of(raw(2, 2, 0, 0, hex("00000004")), raw(4, 8, 12, 1, hex("AB")))),
        Arguments.of("zero-length message",
            hex("03 000001 000000 14 00000000"), List.of(raw(3, 20, 1, 0, new byte[0]))),
        Arguments.of("message stream id is little-endian",
            hex("03 000000 000001 08 01020000 AA"), List.of(raw(3, 8, 0, 0x0201, hex("AA")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decode_wholeInput(String name, byte[] input, List<RawMessage> expected) {
    assertThat(decodeAll(input, input.length)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decode_byteByByte_sameResult(String name, byte[] input, List<RawMessage> expected) {
    assertThat(decodeAll(input, 1)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decode_inOddSlices_sameResult(String name, byte[] input, List<RawMessage> expected) {
    assertThat(decodeAll(input, 7)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        Arguments.of("fmt3 on a fresh chunk stream", hex("C3 AA")),
        Arguments.of("fmt2 on a fresh chunk stream", hex("83 000001 AA")),
        Arguments.of("message above 16 MiB", hex("03 000000 FFFFFF 09 01000000")),
        Arguments.of("set chunk size zero", hex("02 000000 000004 01 00000000 00000000")),
        Arguments.of("set chunk size with top bit", hex("02 000000 000004 01 00000000 80000000")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void decode_violation_throwsProtocolException(String name, byte[] input) {
    ChunkDecoder decoder = new ChunkDecoder(8 * 1024 * 1024);
    assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(input), m -> {}))
        .isInstanceOf(RtmpProtocolException.class);
  }

  @Test
  void decode_tooManyChunkStreams_throwsProtocolException() {
    ChunkDecoder decoder = new ChunkDecoder();
    List<byte[]> chunks = new ArrayList<>();
    for (int csid = 3; csid < 3 + ChunkDecoder.MAX_CHUNK_STREAMS + 1; csid++) {
      chunks.add(concat(hex("01"), new byte[] {(byte) ((csid - 64) & 0xFF), (byte) ((csid - 64) >> 8)},
          hex("000000 000002 08 01000000 AA")));
    }
    ByteBuffer input = ByteBuffer.wrap(concat(chunks.toArray(byte[][]::new)));
    assertThatThrownBy(() -> decoder.decode(input, m -> {})).isInstanceOf(RtmpProtocolException.class);
  }

  @Test
  void decode_incompleteChunk_leavesPositionAtChunkStart() {
    ChunkDecoder decoder = new ChunkDecoder();
    ByteBuffer input = ByteBuffer.wrap(hex("03 0003E8 000004 08 01000000 0102"));
    List<RawMessage> out = new ArrayList<>();
    decoder.decode(input, out::add);
    assertThat(out).isEmpty();
    assertThat(input.position()).isZero();
    assertThat(decoder.bytesConsumed()).isZero();
  }

  static List<RawMessage> decodeAll(byte[] input, int sliceSize) {
    ChunkDecoder decoder = new ChunkDecoder();
    List<RawMessage> out = new ArrayList<>();
    ByteBuffer pending = ByteBuffer.allocate(input.length);
    pending.flip();
    for (int offset = 0; offset < input.length; offset += sliceSize) {
      int n = Math.min(sliceSize, input.length - offset);
      // Emulate a cumulation buffer: keep unconsumed bytes, append the new slice.
      ByteBuffer next = ByteBuffer.allocate(pending.remaining() + n);
      next.put(pending).put(input, offset, n).flip();
      decoder.decode(next, out::add);
      pending = next;
    }
    assertThat(pending.remaining()).as("unconsumed bytes").isZero();
    assertThat(decoder.bufferedBytes()).isZero();
    return out;
  }
}

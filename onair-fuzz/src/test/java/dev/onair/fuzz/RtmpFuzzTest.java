package dev.onair.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.rtmp.amf.Amf0Reader;
import dev.onair.rtmp.amf.Amf0Writer;
import dev.onair.rtmp.chunk.ChunkDecoder;
import dev.onair.rtmp.chunk.ChunkEncoder;
import dev.onair.rtmp.message.RawMessage;
import dev.onair.rtmp.message.RtmpMessageCodec;
import dev.onair.rtmp.message.RtmpProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * What a publisher sends after the handshake, mutated: the chunk decoder (with the server's 16 MiB message limit,
 * fed in slices as the socket delivers them) and the message decoder, AMF0 included, produce messages or throw
 * RtmpProtocolException, holding no more than the decoder's documented buffers. Seeds: built publish sequences and a
 * real ffmpeg publish captured through a relay ({@link FfmpegCapture}). AMF0 payloads alone get their own
 * property with lying lengths and nesting. Inputs up to 256 KiB per connection write burst.
 */
@AddLifecycleHook(FuzzTries.class)
class RtmpFuzzTest {
  static final int CAP = 256 * 1024;
  /** Each of at most 64 chunk streams starts a 64 KiB message buffer; the rest grows with the bytes received. */
  private static final Bounded.Limit CHUNK_LIMIT =
      new Bounded.Limit(ChunkDecoder.MAX_CHUNK_STREAMS * 65_536L * 2 + Bounded.FIRST_USE, 16);
  private static final Bounded.Limit AMF_LIMIT = new Bounded.Limit(Bounded.FIRST_USE, 64);

  private final Mutator chunks = new Mutator(seeds(), List.of(), "\u0003\u00c3\u0043\u00ff\u0000\u0002", CAP);
  private final Mutator amf = new Mutator(amfSeeds(), List.of(), "\003\012\010\002\000\011", CAP);

  @Provide
  Arbitrary<byte[]> chunkStreams() {
    return chunks.inputs(2, RtmpFuzzTest::hostileChunks);
  }

  @Provide
  Arbitrary<byte[]> amfPayloads() {
    return amf.inputs(2, RtmpFuzzTest::hostileAmf);
  }

  @Property
  void chunkStream_decodesOrThrowsRtmpProtocolException(@ForAll("chunkStreams") byte[] input) {
    int slice = 1 + Math.floorMod(Arrays.hashCode(input), 4096);
    Bounded.parse(input, input.length, CHUNK_LIMIT, () -> {
      ChunkDecoder decoder = new ChunkDecoder(ChunkDecoder.DEFAULT_MAX_MESSAGE_SIZE);
      ByteBuffer buffer = ByteBuffer.wrap(input);
      List<Object> messages = new ArrayList<>();
      for (int end = Math.min(slice, input.length); ; end = Math.min(end + slice, input.length)) {
        buffer.limit(end); // what has arrived so far; unconsumed bytes stay for the next call, as under Netty
        decoder.decode(buffer, raw -> messages.add(RtmpMessageCodec.decode(raw)));
        assertThat(decoder.allocatedBytes())
            .isLessThanOrEqualTo(ChunkDecoder.MAX_CHUNK_STREAMS * 65_536L + 2L * decoder.bufferedBytes());
        if (end == input.length) {
          return messages.size();
        }
      }
    }, RtmpProtocolException.class::isInstance);
  }

  @Property
  void amf0_readsOrThrowsRtmpProtocolException(@ForAll("amfPayloads") byte[] input) {
    Bounded.parse(input, input.length, AMF_LIMIT, () -> new Amf0Reader(input).readAll(),
        RtmpProtocolException.class::isInstance);
  }

  /** Built publish sequences (every header format, extremes) and what a real ffmpeg sent (FfmpegCapture). */
  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>(List.of(publishSequence(true, 4096), publishSequence(false, 128),
        publishSequence(true, 1)));
    seeds.addAll(FfmpegCapture.seeds(CAP));
    return seeds;
  }

  /** A publisher's opening: set chunk size, connect, releaseStream, createStream, publish, AVC and AAC headers. */
  static byte[] publishSequence(boolean compress, int chunkSize) {
    ChunkEncoder encoder = new ChunkEncoder(compress);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(encoder.encode(new RawMessage(2, 1, 0, 0, ByteBuffer.allocate(4).putInt(chunkSize).array())));
    encoder.setChunkSize(chunkSize);
    for (RawMessage message : List.of(
        new RawMessage(3, 20, 0, 0, Amf0Writer.encode(List.of("connect", 1.0, connectObject()))),
        new RawMessage(3, 20, 0, 0, Amf0Writer.encode(Arrays.asList("releaseStream", 2.0, null, "sk_fuzz"))),
        new RawMessage(3, 20, 0, 0, Amf0Writer.encode(Arrays.asList("createStream", 3.0, null))),
        new RawMessage(8, 20, 0, 1, Amf0Writer.encode(Arrays.asList("publish", 4.0, null, "sk_fuzz", "live"))),
        new RawMessage(5, 18, 0, 1, Amf0Writer.encode(List.of("@setDataFrame", "onMetaData",
            Map.of("width", 1280.0, "height", 720.0, "videocodecid", 7.0)))),
        new RawMessage(6, 9, 0xFFFFFF + 5L, 1, new byte[] {0x17, 0, 0, 0, 0, 1, 0x64, 0, 0x1F, (byte) 0xFF,
            (byte) 0xE1, 0, 4, 0x67, 0x64, 0, 0x1F, 1, 0, 4, 0x68, (byte) 0xEE, 0x3C, (byte) 0x80}),
        new RawMessage(4, 8, 10, 1, new byte[] {(byte) 0xAF, 0, 0x12, 0x10}),
        new RawMessage(65599, 8, 20, 1, new byte[300]))) {
      out.writeBytes(encoder.encode(message));
    }
    return out.toByteArray();
  }

  private static Map<String, Object> connectObject() {
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("app", "app");
    app.put("type", "nonprivate");
    app.put("flashVer", "FMLE/3.0");
    app.put("tcUrl", "rtmp://127.0.0.1/app");
    return app;
  }

  private static List<byte[]> amfSeeds() {
    return List.of(Amf0Writer.encode(List.of("connect", 1.0, connectObject())),
        Amf0Writer.encode(Arrays.asList("publish", 4.0, null, "sk_fuzz", "live")),
        Amf0Writer.encode(List.of("onMetaData", Map.of("duration", 0.0, "encoder", "obs", "stereo", true,
            "nested", Map.of("a", List.of(1.0, "b")), "long", "x".repeat(70_000)))));
  }

  /** Lying lengths, chunk-size extremes, chunk-stream floods and truncated extended timestamps. */
  private static byte[] hostileChunks(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = 1 + random.nextInt(2_000);
    switch (random.nextInt(6)) {
      case 0 -> { // a message declaring 16 MiB - 1 (or more than the limit) then a trickle of fmt-3 chunks
        out.writeBytes(new byte[] {0x03, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 20, 0, 0, 0, 0});
        for (int i = 0; i < n; i++) {
          out.write(0xC3);
          out.writeBytes(new byte[128]);
        }
      }
      case 1 -> { // Set Chunk Size to an extreme, then a message using it
        int size = new int[] {1, 0x7FFFFFFF, 0x80000000, 0, 0xFFFFFFFF}[random.nextInt(5)];
        out.writeBytes(new byte[] {0x02, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0});
        out.writeBytes(ByteBuffer.allocate(4).putInt(size).array());
        out.writeBytes(new byte[] {0x04, 0, 0, 0, 0, 0x10, 0, 9, 1, 0, 0, 0});
        out.writeBytes(new byte[Math.min(n * 8, 4096)]);
      }
      case 2 -> { // many chunk streams each holding a partial message
        for (int i = 0; i < n; i++) {
          int csid = 64 + i;
          out.writeBytes(new byte[] {0x01, (byte) ((csid - 64) & 0xFF), (byte) ((csid - 64) >> 8), 0, 0, 0,
              0x01, 0, 0, 9, 1, 0, 0, 0});
          out.writeBytes(new byte[128]);
        }
      }
      case 3 -> { // extended timestamps announced and cut short, on every header format
        for (int i = 0; i < n; i++) {
          out.writeBytes(new byte[] {(byte) (random.nextInt(4) << 6 | 3), (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        }
      }
      case 4 -> { // fmt-1/2/3 chunks for a chunk stream that never had a fmt-0 header
        for (int i = 0; i < n; i++) {
          out.write(new int[] {0x45, 0x85, 0xC5}[random.nextInt(3)]);
          out.writeBytes(new byte[7]);
        }
      }
      default -> { // Abort and Acknowledgement-window messages with short payloads
        out.writeBytes(new byte[] {0x02, 0, 0, 0, 0, 0, 1, (byte) (1 + random.nextInt(6)), 0, 0, 0, 0, 7});
      }
    }
    return out.toByteArray();
  }

  /** Nesting past the limit, lengths past the end, counts of 2^32, unsupported markers. */
  private static byte[] hostileAmf(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 100_000 : 2_000);
    switch (random.nextInt(6)) {
      case 0 -> {
        for (int i = 0; i < n; i++) {
          out.writeBytes(new byte[] {0x03, 0, 1, 'a'}); // object, key "a", value: another object…
        }
      }
      case 1 -> {
        for (int i = 0; i < n; i++) {
          out.writeBytes(new byte[] {0x0A, 0, 0, 0, 1}); // strict array of one strict array…
        }
      }
      case 2 -> out.writeBytes(new byte[] {0x0C, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 'a'});
      case 3 -> out.writeBytes(new byte[] {0x0A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x05});
      case 4 -> {
        out.writeBytes(new byte[] {0x08, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        for (int i = 0; i < n; i++) {
          out.writeBytes(new byte[] {0, 1, (byte) ('a' + i % 26), 0x05}); // repeated keys, never ended
        }
      }
      default -> out.write(new int[] {0x04, 0x07, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0xFF}[random.nextInt(9)]);
    }
    return out.toByteArray();
  }
}

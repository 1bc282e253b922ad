package dev.onair.hls.mux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.media.testing.FlvReader;
import dev.onair.media.testing.FlvTag;
import dev.onair.media.testing.MediaTools;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timed ID3 metadata as players find it: a TS PES on a PMT-declared PID, or an fMP4 emsg before the moof. */
class TimedMetadataTest {
  private static final byte[] IDR = {0, 0, 0, 5, 0x65, (byte) 0x88, (byte) 0x84, 0, 1};
  private static final String TEXT = "{\"question\":\"Who wins? ✓\"}";

  @TempDir Path dir;

  @Test
  void id3_txxxRoundTrips_sizesAreSyncsafe() {
    byte[] tag = Id3Tag.txxx("", TEXT);
    assertThat(new String(tag, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("ID3");
    assertThat(tag[3]).isEqualTo((byte) 4);
    for (int i = 6; i < 10; i++) {
      assertThat(tag[i] & 0x80).as("syncsafe byte %d", i).isZero();
    }
    assertThat(new String(tag, 10, 4, StandardCharsets.US_ASCII)).isEqualTo("TXXX");
    assertThat(Id3Tag.readTxxx(tag, 0)).isEqualTo(TEXT);
    // 200 bytes needs two syncsafe digits: 200 = 1*128 + 72
    byte[] big = Id3Tag.txxx("", "x".repeat(188));
    assertThat(Arrays.copyOfRange(big, 6, 10)).containsExactly(0, 0, 1, 72);
    assertThat(Id3Tag.readTxxx(big, 0)).hasSize(188);
  }

  @Test
  void ts_pmtDeclaresTimedId3_andPesCarriesTheTagAtItsPts() throws Exception {
    TsMuxer muxer = new TsMuxer();
    muxer.setVideoConfig(videoConfig());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    muxer.writeTables(out);
    muxer.writeVideo(1000, 0, true, IDR, out);
    muxer.writeId3(1000, Id3Tag.txxx("", TEXT), out);
    byte[] ts = out.toByteArray();

    byte[] pmt = Arrays.copyOfRange(ts, 188 + 5, 2 * 188);
    int programInfoLength = ((pmt[10] & 0x0F) << 8) | (pmt[11] & 0xFF);
    assertThat(pmt[12]).as("metadata_pointer_descriptor").isEqualTo((byte) 0x25);
    int i = 12 + programInfoLength;
    boolean found = false;
    int sectionEnd = 3 + (((pmt[1] & 0x0F) << 8) | (pmt[2] & 0xFF)) - 4;
    while (i < sectionEnd) {
      int type = pmt[i] & 0xFF;
      int pid = ((pmt[i + 1] & 0x1F) << 8) | (pmt[i + 2] & 0xFF);
      int infoLength = ((pmt[i + 3] & 0x0F) << 8) | (pmt[i + 4] & 0xFF);
      if (pid == TsMuxer.ID3_PID) {
        found = true;
        assertThat(type).isEqualTo(0x15);
        assertThat(pmt[i + 5]).as("metadata_descriptor").isEqualTo((byte) 0x26);
        assertThat(new String(pmt, i + 9, 4, StandardCharsets.US_ASCII)).isEqualTo("ID3 ");
      }
      i += 5 + infoLength;
    }
    assertThat(found).as("ID3 stream in the PMT").isTrue();

    byte[] pes = firstPes(ts, TsMuxer.ID3_PID);
    assertThat(Arrays.copyOfRange(pes, 0, 4)).containsExactly(0, 0, 1, 0xBD);
    assertThat(pes[6] & 0x04).as("data_alignment_indicator").isEqualTo(4);
    long pts = ((long) (pes[9] & 0x0E) << 29) | ((pes[10] & 0xFF) << 22) | ((pes[11] & 0xFE) << 14)
        | ((pes[12] & 0xFF) << 7) | ((pes[13] & 0xFE) >> 1);
    assertThat(pts).isEqualTo(1000 * 90 + 63_000); // same lead as the video PTS
    assertThat(Id3Tag.readTxxx(pes, 9 + (pes[8] & 0xFF))).isEqualTo(TEXT);

    Path file = dir.resolve("meta.ts");
    Files.write(file, ts);
    MediaTools.Result probe = MediaTools.run(List.of("ffprobe", "-v", "error", "-show_entries",
        "stream=codec_type,codec_name", "-of", "compact", file.toString()), 60);
    assertThat(probe.stdout()).contains("codec_name=timed_id3", "codec_type=data");
  }

  @Test
  void fmp4_emsgPrecedesMoof_withId3SchemeAndAbsoluteTime() {
    Fmp4Muxer muxer = new Fmp4Muxer(videoConfig(), null);
    byte[] tag = Id3Tag.txxx("", TEXT);
    byte[] fragment = muxer.fragment(1, List.of(new Fmp4Sample(90_000, 3000, 0, true, IDR)), List.of(),
        List.of(new Fmp4Event(90_000, 7, tag)));
    assertThat(new String(fragment, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("emsg");
    int emsgSize = readInt(fragment, 0);
    assertThat(new String(fragment, emsgSize + 4, 4, StandardCharsets.US_ASCII)).isEqualTo("moof");
    assertThat(fragment[8]).as("version 1").isEqualTo((byte) 1);
    assertThat(readInt(fragment, 12)).as("timescale").isEqualTo(90_000);
    assertThat(((long) readInt(fragment, 16) << 32) | (readInt(fragment, 20) & 0xFFFFFFFFL)).isEqualTo(90_000);
    assertThat(readInt(fragment, 28)).as("id").isEqualTo(7);
    int scheme = 32;
    int schemeEnd = scheme;
    while (fragment[schemeEnd] != 0) {
      schemeEnd++;
    }
    assertThat(new String(fragment, scheme, schemeEnd - scheme, StandardCharsets.US_ASCII))
        .isEqualTo("https://aomedia.org/emsg/ID3");
    assertThat(fragment[schemeEnd + 1]).as("empty value").isZero();
    assertThat(Id3Tag.readTxxx(fragment, schemeEnd + 2)).isEqualTo(TEXT);
    assertThat(emsgSize).isEqualTo(schemeEnd + 2 + tag.length);
    // The moof that follows is byte-identical to one without events: offsets are moof-relative.
    byte[] plain = muxer.fragment(1, List.of(new Fmp4Sample(90_000, 3000, 0, true, IDR)), List.of());
    assertThat(Arrays.copyOfRange(fragment, emsgSize, fragment.length)).isEqualTo(plain);
  }

  static byte[] firstPes(byte[] ts, int wantedPid) {
    ByteArrayOutputStream pes = new ByteArrayOutputStream();
    boolean started = false;
    for (int offset = 0; offset < ts.length; offset += 188) {
      int pid = ((ts[offset + 1] & 0x1F) << 8) | (ts[offset + 2] & 0xFF);
      if (pid != wantedPid) {
        continue;
      }
      boolean unitStart = (ts[offset + 1] & 0x40) != 0;
      if (unitStart && started) {
        break;
      }
      started |= unitStart;
      int p = offset + 4;
      if ((ts[offset + 3] & 0x20) != 0) {
        p += 1 + (ts[p] & 0xFF);
      }
      pes.write(ts, p, offset + 188 - p);
    }
    return pes.toByteArray();
  }

  static AvcDecoderConfig videoConfig() {
    for (FlvTag tag : FlvReader.read(MediaTools.sampleFlv())) {
      if (tag.isVideo() && tag.data()[1] == 0) {
        return AvcDecoderConfig.parse(Arrays.copyOfRange(tag.data(), 5, tag.data().length));
      }
    }
    throw new AssertionError("no AVC sequence header in sample");
  }

  private static int readInt(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }
}

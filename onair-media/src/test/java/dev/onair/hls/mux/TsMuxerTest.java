package dev.onair.hls.mux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.media.testing.FlvReader;
import dev.onair.media.testing.FlvReplay;
import dev.onair.media.testing.MediaTools;
import dev.onair.rtmp.session.MediaSink;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TsMuxerTest {
  @TempDir Path dir;

  static byte[] mux(byte[] flv) {
    TsMuxer muxer = new TsMuxer();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FlvReplay.replay(FlvReader.read(flv), new MediaSink() {
      boolean started;

      @Override
      public void onVideoConfig(long dts, AvcDecoderConfig config) {
        muxer.setVideoConfig(config);
      }

      @Override
      public void onVideo(long dts, int cts, boolean key, byte[] avcc) {
        if (!started) {
          muxer.writeTables(out);
          started = true;
        }
        muxer.writeVideo(dts, cts, key, avcc, out);
      }

      @Override
      public void onAudioConfig(long dts, AacConfig config) {
        muxer.setAudioConfig(config);
      }

      @Override
      public void onAudio(long dts, byte[] frame) {
        if (started) {
          muxer.writeAudio(dts, frame, out);
        }
      }

      @Override
      public void onEnd() {}
    }, true);
    return out.toByteArray();
  }

  @ParameterizedTest(name = "bFrames={0}")
  @ValueSource(booleans = {false, true})
  void mux_sampleFlv_ffprobeReadsH264AndAac(boolean bFrames) throws Exception {
    byte[] ts = mux(bFrames ? MediaTools.sampleFlvWithBFrames() : MediaTools.sampleFlv());
    Path file = dir.resolve("out.ts");
    Files.write(file, ts);
    ProbeAssertions.assertH264AacFile(file, 320, 240, 4.0, 0.2);
  }

  @ParameterizedTest(name = "bFrames={0}")
  @ValueSource(booleans = {false, true})
  void mux_packetsAreWellFormed(boolean bFrames) {
    byte[] ts = mux(bFrames ? MediaTools.sampleFlvWithBFrames() : MediaTools.sampleFlv());
    assertThat(ts.length % 188).isZero();
    assertThat(ts[0]).isEqualTo((byte) 0x47);
    // PAT first, PMT second
    assertThat(((ts[1] & 0x1F) << 8) | (ts[2] & 0xFF)).isEqualTo(TsMuxer.PAT_PID);
    assertThat(((ts[189] & 0x1F) << 8) | (ts[190] & 0xFF)).isEqualTo(TsMuxer.PMT_PID);
    Map<Integer, Integer> lastCc = new HashMap<>();
    for (int offset = 0; offset < ts.length; offset += 188) {
      assertThat(ts[offset]).as("sync byte at %d", offset).isEqualTo((byte) 0x47);
      int pid = ((ts[offset + 1] & 0x1F) << 8) | (ts[offset + 2] & 0xFF);
      int cc = ts[offset + 3] & 0x0F;
      Integer previous = lastCc.put(pid, cc);
      if (previous != null) {
        assertThat(cc).as("continuity on pid %x", pid).isEqualTo((previous + 1) & 0x0F);
      }
    }
    assertThat(lastCc).containsOnlyKeys(TsMuxer.PAT_PID, TsMuxer.PMT_PID, TsMuxer.VIDEO_PID, TsMuxer.AUDIO_PID);
  }
}

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Fmp4MuxerTest {
  @TempDir Path dir;

  /** Collects samples, then cuts one fragment per GOP. */
  static final class Collector implements MediaSink {
    AvcDecoderConfig video;
    AacConfig audio;
    final List<long[]> videoTimes = new ArrayList<>(); // dts, cts, key
    final List<byte[]> videoData = new ArrayList<>();
    final List<Long> audioTimes = new ArrayList<>();
    final List<byte[]> audioData = new ArrayList<>();

    @Override
    public void onVideoConfig(long dts, AvcDecoderConfig config) {
      video = config;
    }

    @Override
    public void onVideo(long dts, int cts, boolean key, byte[] avcc) {
      videoTimes.add(new long[] {dts, cts, key ? 1 : 0});
      videoData.add(avcc);
    }

    @Override
    public void onAudioConfig(long dts, AacConfig config) {
      audio = config;
    }

    @Override
    public void onAudio(long dts, byte[] frame) {
      audioTimes.add(dts);
      audioData.add(frame);
    }

    @Override
    public void onEnd() {}
  }

  static byte[] mux(byte[] flv) {
    Collector c = new Collector();
    FlvReplay.replay(FlvReader.read(flv), c, true);
    Fmp4Muxer muxer = new Fmp4Muxer(c.video, c.audio);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(muxer.initSegment());
    int sequence = 1;
    int audioIndex = 0;
    long audioStart = c.audioTimes.get(0) * c.audio.sampleRate() / 1000;
    List<Fmp4Sample> videoSamples = new ArrayList<>();
    for (int i = 0; i < c.videoTimes.size(); i++) {
      long[] t = c.videoTimes.get(i);
      long next = i + 1 < c.videoTimes.size() ? c.videoTimes.get(i + 1)[0] : t[0] + 33;
      if (t[2] == 1 && !videoSamples.isEmpty()) {
        List<Fmp4Sample> audioSamples = new ArrayList<>();
        while (audioIndex < c.audioTimes.size() && c.audioTimes.get(audioIndex) < t[0]) {
          audioSamples.add(new Fmp4Sample(audioStart + 1024L * audioIndex, 1024, 0, true, c.audioData.get(audioIndex)));
          audioIndex++;
        }
        out.writeBytes(muxer.fragment(sequence++, videoSamples, audioSamples));
        videoSamples = new ArrayList<>();
      }
      videoSamples.add(new Fmp4Sample(t[0] * 90, (int) (next - t[0]) * 90, (int) t[1] * 90, t[2] == 1,
          c.videoData.get(i)));
    }
    List<Fmp4Sample> audioSamples = new ArrayList<>();
    for (; audioIndex < c.audioTimes.size(); audioIndex++) {
      audioSamples.add(new Fmp4Sample(audioStart + 1024L * audioIndex, 1024, 0, true, c.audioData.get(audioIndex)));
    }
    out.writeBytes(muxer.fragment(sequence, videoSamples, audioSamples));
    return out.toByteArray();
  }

  @ParameterizedTest(name = "bFrames={0}")
  @ValueSource(booleans = {false, true})
  void mux_sampleFlv_ffprobeReadsH264AndAac(boolean bFrames) throws Exception {
    byte[] mp4 = mux(bFrames ? MediaTools.sampleFlvWithBFrames() : MediaTools.sampleFlv());
    Path file = dir.resolve("out.mp4");
    Files.write(file, mp4);
    ProbeAssertions.assertH264AacFile(file, 320, 240, 4.0, 0.2);
  }

  @ParameterizedTest(name = "bFrames={0}")
  @ValueSource(booleans = {false, true})
  void init_avcCIsTheSequenceHeaderByteForByte(boolean bFrames) {
    Collector c = new Collector();
    FlvReplay.replay(FlvReader.read(bFrames ? MediaTools.sampleFlvWithBFrames() : MediaTools.sampleFlv()), c, true);
    byte[] init = new Fmp4Muxer(c.video, c.audio).initSegment();
    String text = new String(init, java.nio.charset.StandardCharsets.ISO_8859_1);
    int avcC = text.indexOf("avcC");
    assertThat(avcC).isPositive();
    byte[] record = java.util.Arrays.copyOfRange(init, avcC + 4, avcC + 4 + c.video.record().length);
    assertThat(record).isEqualTo(c.video.record());
    assertThat(text).contains("ftyp", "moov", "mvex", "trex", "esds");
  }
}

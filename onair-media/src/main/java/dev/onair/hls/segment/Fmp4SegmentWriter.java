package dev.onair.hls.segment;

import dev.onair.hls.mux.Fmp4Event;
import dev.onair.hls.mux.Fmp4Muxer;
import dev.onair.hls.mux.Fmp4Sample;
import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * fMP4 parts: each part is one {@code moof+mdat}. Video samples are held until the part closes
 * because a sample's duration is only known when the next one arrives; the frame that triggers
 * the cut supplies the last duration. Audio decode time advances by exactly 1024 ticks per AAC
 * frame and re-syncs to the RTMP clock only on a real gap, so millisecond rounding never shows up
 * as jitter.
 */
final class Fmp4SegmentWriter implements SegmentWriter {
  private static final int AAC_FRAME_SAMPLES = 1024;

  private final Fmp4Muxer muxer;
  private final int audioTimescale;
  private final List<long[]> videoTiming = new ArrayList<>(); // dts ms, cts ms, key
  private final List<byte[]> videoData = new ArrayList<>();
  private List<Fmp4Sample> audioSamples = new ArrayList<>();
  private List<Fmp4Event> events = new ArrayList<>();
  private long nextEventId;
  private long nextAudioTime = -1;
  private int sequenceNumber = 1;

  Fmp4SegmentWriter(AvcDecoderConfig video, AacConfig audio) {
    this.muxer = new Fmp4Muxer(video, audio);
    this.audioTimescale = audio == null ? 0 : audio.sampleRate();
  }

  @Override
  public byte[] initSection() {
    return muxer.initSegment();
  }

  @Override
  public void beginSegment() {
    // fMP4 segments need no in-band tables: the init section carries them.
  }

  @Override
  public void video(long dtsMillis, int ctsMillis, boolean keyframe, byte[] avcc) {
    videoTiming.add(new long[] {dtsMillis, ctsMillis, keyframe ? 1 : 0});
    videoData.add(avcc);
  }

  @Override
  public void audio(long dtsMillis, byte[] aacFrame) {
    if (audioTimescale == 0) {
      return;
    }
    long clock = dtsMillis * audioTimescale / 1000;
    // More than 50 ms off means lost audio or a timeline jump, not rounding.
    if (nextAudioTime < 0 || Math.abs(clock - nextAudioTime) > audioTimescale / 20) {
      nextAudioTime = clock;
    }
    audioSamples.add(new Fmp4Sample(nextAudioTime, AAC_FRAME_SAMPLES, 0, true, aacFrame));
    nextAudioTime += AAC_FRAME_SAMPLES;
  }

  @Override
  public void metadata(long ptsMillis, byte[] id3Tag) {
    events.add(new Fmp4Event(ptsMillis * 90, nextEventId++, id3Tag));
  }

  @Override
  public byte[] flushPart(long endMillis) {
    List<Fmp4Sample> video = new ArrayList<>(videoTiming.size());
    for (int i = 0; i < videoTiming.size(); i++) {
      long[] t = videoTiming.get(i);
      long next = i + 1 < videoTiming.size() ? videoTiming.get(i + 1)[0] : endMillis;
      long duration = Math.max(1, next - t[0]);
      video.add(new Fmp4Sample(t[0] * 90, (int) (duration * 90), (int) (t[1] * 90), t[2] == 1, videoData.get(i)));
    }
    byte[] fragment = muxer.fragment(sequenceNumber++, video, audioSamples, events);
    videoTiming.clear();
    videoData.clear();
    audioSamples = new ArrayList<>();
    if (!events.isEmpty()) {
      events = new ArrayList<>();
    }
    return fragment;
  }
}

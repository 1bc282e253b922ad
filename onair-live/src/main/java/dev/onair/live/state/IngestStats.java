package dev.onair.live.state;

import dev.onair.ivs.model.StreamHealth;
import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.rtmp.session.MediaSink;
import dev.onair.rtmp.session.StreamInfo;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Measures an ingest from the media itself (never from the encoder's advisory metadata): bit rates, frame rate,
 * keyframe interval and whether media keeps pace with the wall clock. Written by the connection's I/O thread,
 * read by the metrics ticker and API calls, hence the plain synchronization: the critical sections are a few
 * additions.
 */
public final class IngestStats implements MediaSink {
  /** Health looks at this much recent history (IVS reacts within seconds, not minutes). */
  static final long HEALTH_WINDOW_MILLIS = 5_000;

  private record Point(long wallMillis, long mediaMillis) {}

  private record Counters(long wallMillis, long videoBytes, long audioBytes, long videoFrames) {}

  private final LongSupplier wallMillis;
  private final long startedWall;
  private final ArrayDeque<Point> history = new ArrayDeque<>();
  private long videoBytes;
  private long audioBytes;
  private long videoFrames;
  private long firstMediaMillis = -1;
  private long lastMediaMillis = -1;
  private long lastDataWall;
  private long lastKeyframeDts = -1;
  private double keyframeIntervalSeconds;
  private Counters lastTick;
  private StreamInfo streamInfo;
  private String encoder;

  public IngestStats(LongSupplier wallMillis) {
    this.wallMillis = wallMillis;
    this.startedWall = wallMillis.getAsLong();
    this.lastDataWall = startedWall;
    this.lastTick = new Counters(startedWall, 0, 0, 0);
  }

  @Override
  public synchronized void onMetadata(Map<String, Object> metadata) {
    if (metadata.get("encoder") instanceof String name && !name.isBlank()) {
      encoder = name;
    }
  }

  @Override
  public synchronized void onStreamInfo(StreamInfo info) {
    streamInfo = info;
  }

  @Override
  public void onVideoConfig(long dtsMillis, AvcDecoderConfig config) {}

  @Override
  public synchronized void onVideo(long dtsMillis, int compositionTimeMillis, boolean keyframe, byte[] avcc) {
    videoBytes += avcc.length;
    videoFrames++;
    if (keyframe) {
      if (lastKeyframeDts >= 0 && dtsMillis > lastKeyframeDts) {
        keyframeIntervalSeconds = (dtsMillis - lastKeyframeDts) / 1000.0;
      }
      lastKeyframeDts = dtsMillis;
    }
    media(dtsMillis);
  }

  @Override
  public void onAudioConfig(long dtsMillis, AacConfig config) {}

  @Override
  public synchronized void onAudio(long dtsMillis, byte[] aacFrame) {
    audioBytes += aacFrame.length;
    media(dtsMillis);
  }

  @Override
  public void onEnd() {}

  private void media(long dtsMillis) {
    if (firstMediaMillis < 0) {
      firstMediaMillis = dtsMillis;
      history.addLast(new Point(wallMillis.getAsLong(), dtsMillis));
    }
    lastMediaMillis = Math.max(lastMediaMillis, dtsMillis);
    lastDataWall = wallMillis.getAsLong();
  }

  /** Rates since the previous tick; the metrics ticker calls this once a second. */
  public synchronized IngestSample tick() {
    long now = wallMillis.getAsLong();
    long elapsed = Math.max(1, now - lastTick.wallMillis());
    IngestSample sample = new IngestSample(
        (videoBytes - lastTick.videoBytes()) * 8_000 / elapsed,
        (audioBytes - lastTick.audioBytes()) * 8_000 / elapsed,
        (videoFrames - lastTick.videoFrames()) * 1000.0 / elapsed,
        keyframeIntervalSeconds,
        health(now));
    lastTick = new Counters(now, videoBytes, audioBytes, videoFrames);
    if (lastMediaMillis >= 0) {
      history.addLast(new Point(now, lastMediaMillis));
    }
    while (history.size() > 1 && now - history.peekFirst().wallMillis() > HEALTH_WINDOW_MILLIS) {
      history.removeFirst();
    }
    return sample;
  }

  public synchronized StreamHealth health() {
    return health(wallMillis.getAsLong());
  }

  private StreamHealth health(long now) {
    if (history.isEmpty()) {
      // Connected but nothing received yet.
      return HealthRule.evaluate(0, now - startedWall, now - lastDataWall);
    }
    Point oldest = history.peekFirst();
    return HealthRule.evaluate(lastMediaMillis - oldest.mediaMillis(), lastDataWall - oldest.wallMillis(),
        now - lastDataWall);
  }

  public synchronized StreamInfo streamInfo() {
    return streamInfo;
  }

  public synchronized String encoder() {
    return encoder;
  }

  /** Average video bits per second over the whole ingest, 0 before a second of media. */
  public synchronized long averageVideoBitrate() {
    return average(videoBytes);
  }

  public synchronized long averageAudioBitrate() {
    return average(audioBytes);
  }

  /** Measured frames per second over the whole ingest, 0 before a second of media. */
  public synchronized double averageFrameRate() {
    long span = lastMediaMillis - firstMediaMillis;
    return span < 1000 ? 0 : videoFrames * 1000.0 / span;
  }

  public synchronized double keyframeIntervalSeconds() {
    return keyframeIntervalSeconds;
  }

  /** Media received so far, in milliseconds of stream time. */
  public synchronized long mediaMillis() {
    return firstMediaMillis < 0 ? 0 : lastMediaMillis - firstMediaMillis;
  }

  private long average(long bytes) {
    long span = lastMediaMillis - firstMediaMillis;
    return span < 1000 ? 0 : bytes * 8_000 / span;
  }
}

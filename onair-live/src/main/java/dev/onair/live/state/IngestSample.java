package dev.onair.live.state;

import dev.onair.ivs.model.StreamHealth;

/**
 * One second's view of an ingest, for metrics and GetStream.
 *
 * @param keyframeIntervalSeconds the last observed distance between keyframes, 0 until two were seen
 */
public record IngestSample(
    long videoBitsPerSecond,
    long audioBitsPerSecond,
    double framesPerSecond,
    double keyframeIntervalSeconds,
    StreamHealth health) {

  public long totalBitsPerSecond() {
    return videoBitsPerSecond + audioBitsPerSecond;
  }
}

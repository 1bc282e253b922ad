package dev.onair.monitoring.metrics;

/**
 * The AWS/IVS metric names, dimensions and units the data plane publishes (IVS low-latency user guide, "Monitoring
 * stream health"). The {@code Channel} dimension carries the channel's resource id (the last ARN segment), which
 * is what AWS's samples and the LiveDeliveredTime/LiveInputTime/RecordedTime documentation use.
 */
public final class IvsMetrics {
  public static final String NAMESPACE = "AWS/IVS";

  // dimensions
  public static final String CHANNEL = "Channel";
  public static final String TRACK = "Track";
  public static final String HEALTH = "Health";
  public static final String VIEWER_COUNTRY_CODE = "ViewerCountryCode";

  // metrics: gauges sampled once a second while a stream is live (Average/Minimum/Maximum)
  public static final String CONCURRENT_VIEWS = "ConcurrentViews";
  public static final String CONCURRENT_STREAMS = "ConcurrentStreams";
  public static final String INGEST_AUDIO_BITRATE = "IngestAudioBitrate";
  public static final String INGEST_BITRATE = "IngestBitrate";
  public static final String INGEST_FRAMERATE = "IngestFramerate";
  public static final String INGEST_VIDEO_BITRATE = "IngestVideoBitrate";
  public static final String KEYFRAME_INTERVAL = "KeyframeInterval";
  // metrics: durations, read with Sum
  public static final String LIVE_DELIVERED_TIME = "LiveDeliveredTime";
  public static final String LIVE_INPUT_TIME = "LiveInputTime";
  public static final String RECORDED_TIME = "RecordedTime";

  // units (CloudWatch StandardUnit names)
  public static final String COUNT = "Count";
  public static final String BITS_PER_SECOND = "Bits/Second";
  public static final String COUNT_PER_SECOND = "Count/Second";
  public static final String SECONDS = "Seconds";

  private IvsMetrics() {}
}

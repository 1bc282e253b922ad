package dev.onair.ivs;

/**
 * The IVS resource limits Onair enforces, with their default values. Verified values come from the IVS user
 * guide (stream keys per channel, playback key pairs, tags, batch sizes); channels, recording configurations and
 * playback restriction policies use the commonly cited defaults because AWS's table could not be verified.
 */
public enum IvsQuota {
  CHANNELS("Channels", 5_000, true),
  STREAM_KEYS_PER_CHANNEL("Stream keys per channel", 1, false),
  RECORDING_CONFIGURATIONS("Recording configurations", 20, true),
  PLAYBACK_KEY_PAIRS("Playback key pairs", 3, false),
  PLAYBACK_RESTRICTION_POLICIES("Playback restriction policies", 20, true),
  TAGS_PER_RESOURCE("Tags per resource", 50, false),
  BATCH_GET_SIZE("BatchGetChannel and BatchGetStreamKey ARNs per request", 50, false),
  BATCH_REVOCATION_SIZE("BatchStartViewerSessionRevocation viewer sessions per request", 20, false),
  CONCURRENT_STREAMS("Concurrent streams", 100, true),
  PUT_METADATA_BYTES("PutMetadata payload size in bytes", 1024, false);

  private final String displayName;
  private final long defaultValue;
  private final boolean adjustable;

  IvsQuota(String displayName, long defaultValue, boolean adjustable) {
    this.displayName = displayName;
    this.defaultValue = defaultValue;
    this.adjustable = adjustable;
  }

  public String displayName() {
    return displayName;
  }

  public long defaultValue() {
    return defaultValue;
  }

  /** Whether AWS lets customers raise it through Service Quotas. */
  public boolean adjustable() {
    return adjustable;
  }
}

package dev.onair.ivs;

/** The IVS low-latency resource types, by the segment their ARNs use (playback key pairs use "playback-key"). */
public enum ResourceType {
  CHANNEL("channel"),
  STREAM_KEY("stream-key"),
  RECORDING_CONFIGURATION("recording-configuration"),
  PLAYBACK_KEY_PAIR("playback-key"),
  PLAYBACK_RESTRICTION_POLICY("playback-restriction-policy");

  private final String arnSegment;

  ResourceType(String arnSegment) {
    this.arnSegment = arnSegment;
  }

  public String arnSegment() {
    return arnSegment;
  }

  public static ResourceType fromArnSegment(String segment) {
    for (ResourceType type : values()) {
      if (type.arnSegment.equals(segment)) {
        return type;
      }
    }
    return null;
  }
}

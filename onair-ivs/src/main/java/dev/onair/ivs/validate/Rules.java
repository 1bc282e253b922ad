package dev.onair.ivs.validate;

/** The string shapes of the IVS model (botocore ivs 2020-07-14), by the names the model gives them. */
public final class Rules {
  private Rules() {}

  private static final String ARN_PREFIX = "arn:aws:ivs:[a-z0-9-]+:[0-9]+:";
  private static final String ID = "/[a-zA-Z0-9-]+";

  public static final StringRule CHANNEL_ARN = StringRule.pattern(1, 128, ARN_PREFIX + "channel" + ID);
  public static final StringRule STREAM_KEY_ARN = StringRule.pattern(1, 128, ARN_PREFIX + "stream-key" + ID);
  public static final StringRule RECORDING_CONFIGURATION_ARN =
      StringRule.pattern(0, 128, ARN_PREFIX + "recording-configuration" + ID);
  public static final StringRule PLAYBACK_KEY_PAIR_ARN = StringRule.pattern(1, 128, ARN_PREFIX + "playback-key" + ID);
  public static final StringRule PLAYBACK_RESTRICTION_POLICY_ARN =
      StringRule.pattern(1, 128, ARN_PREFIX + "playback-restriction-policy" + ID);
  public static final StringRule CHANNEL_RECORDING_CONFIGURATION_ARN =
      StringRule.pattern(0, 128, "^$|^" + ARN_PREFIX + "recording-configuration" + ID + "$");
  public static final StringRule CHANNEL_PLAYBACK_RESTRICTION_POLICY_ARN =
      StringRule.pattern(0, 128, "^$|^" + ARN_PREFIX + "playback-restriction-policy" + ID + "$");
  public static final StringRule CHANNEL_AD_CONFIGURATION_ARN =
      StringRule.pattern(0, 128, "^$|^" + ARN_PREFIX + "ad-configuration" + ID + "$");
  /**
   * The model's ResourceArn pattern allows a one-letter type segment only ({@code [a-z-]/}), which would reject
   * every real ARN; Onair validates the evident intent instead.
   */
  public static final StringRule RESOURCE_ARN = StringRule.pattern(1, 128, ARN_PREFIX + "[a-z-]+" + ID);

  public static final StringRule NAME = StringRule.pattern(0, 128, "[a-zA-Z0-9-_]*");
  public static final StringRule TAG_KEY = StringRule.pattern(1, 128, "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)");
  public static final StringRule TAG_VALUE = StringRule.pattern(0, 256, "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");
  public static final StringRule NEXT_TOKEN = StringRule.pattern(0, 1024, "[a-zA-Z0-9+/=_-]*");
  public static final StringRule STREAM_ID = StringRule.pattern(26, 26, "st-[a-zA-Z0-9]+");
  public static final StringRule VIEWER_ID = StringRule.length(1, 40);
  public static final StringRule BUCKET_NAME = StringRule.pattern(3, 63, "[a-z0-9-.]+");
  public static final StringRule COUNTRY = StringRule.length(2, 2);
  public static final StringRule ORIGIN = StringRule.length(0, 128);
  public static final StringRule METADATA = StringRule.length(1, null).asSensitive();
  public static final StringRule ANY = StringRule.length(null, null);

  public static final StringRule LATENCY_MODE = StringRule.oneOf("NORMAL", "LOW");
  public static final StringRule CHANNEL_TYPE = StringRule.oneOf("BASIC", "STANDARD", "ADVANCED_SD", "ADVANCED_HD");
  public static final StringRule PRESET = StringRule.oneOf("HIGHER_BANDWIDTH_DELIVERY", "CONSTRAINED_BANDWIDTH_DELIVERY");
  public static final StringRule CONTAINER_FORMAT = StringRule.oneOf("TS", "FRAGMENTED_MP4");
  public static final StringRule MULTITRACK_POLICY = StringRule.oneOf("ALLOW", "REQUIRE");
  public static final StringRule MULTITRACK_RESOLUTION = StringRule.oneOf("SD", "HD", "FULL_HD");
  public static final StringRule RECORDING_MODE = StringRule.oneOf("DISABLED", "INTERVAL");
  public static final StringRule RESOLUTION = StringRule.oneOf("SD", "HD", "FULL_HD", "LOWEST_RESOLUTION");
  public static final StringRule THUMBNAIL_STORAGE = StringRule.oneOf("SEQUENTIAL", "LATEST");
  public static final StringRule RENDITION_SELECTION = StringRule.oneOf("ALL", "NONE", "CUSTOM");
  public static final StringRule STREAM_HEALTH = StringRule.oneOf("HEALTHY", "STARVING", "UNKNOWN");
}

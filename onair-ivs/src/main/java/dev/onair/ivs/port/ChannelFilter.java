package dev.onair.ivs.port;

/**
 * ListChannels' filters; at most one member is non-null (the service rejects combinations before it asks).
 *
 * @param name exact channel name
 */
public record ChannelFilter(String name, String recordingConfigurationArn, String playbackRestrictionPolicyArn) {
  public static final ChannelFilter NONE = new ChannelFilter(null, null, null);
}

package dev.onair.ivs.ops;

import dev.onair.ivs.IvsEndpoints;
import dev.onair.ivs.model.AudioConfiguration;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.LiveStream;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.model.PlaybackKeyPair;
import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.model.StreamSession;
import dev.onair.ivs.model.ThumbnailConfiguration;
import dev.onair.ivs.model.VideoConfiguration;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The model's output structures, member names and order as in the IVS model. Timestamps are written as ISO-8601
 * strings because every IVS timestamp member is marked {@code timestampFormat: iso8601}, whereas restJson1's
 * default (which a TimestampNode would get) is epoch seconds.
 */
final class Shapes {
  private Shapes() {}

  static Node timestamp(Instant instant) {
    return instant == null
        ? null
        : new StringNode(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)));
  }

  static MapNode tags(Map<String, String> tags) {
    return MapNode.ofStrings(tags == null ? Map.of() : tags);
  }

  static StructNode channel(Channel channel, Map<String, String> tags, IvsEndpoints endpoints) {
    var arn = channel.parsedArn();
    return StructNode.builder()
        .put("arn", channel.arn())
        .put("name", channel.name())
        .put("latencyMode", channel.latencyMode())
        .put("type", channel.type())
        .put("recordingConfigurationArn", channel.recordingConfigurationArn())
        .put("ingestEndpoint", endpoints.ingestEndpoint())
        .put("playbackUrl", endpoints.playbackUrl(arn.region(), arn.accountId(), arn.resourceId()))
        .put("authorized", channel.authorized())
        .put("tags", tags(tags))
        .put("insecureIngest", channel.insecureIngest())
        .put("preset", channel.preset())
        .put("playbackRestrictionPolicyArn", channel.playbackRestrictionPolicyArn())
        .put("multitrackInputConfiguration", multitrack(channel.multitrackInputConfiguration()))
        .put("containerFormat", channel.containerFormat())
        .build();
  }

  static StructNode channelSummary(Channel channel, Map<String, String> tags) {
    return StructNode.builder()
        .put("arn", channel.arn())
        .put("name", channel.name())
        .put("latencyMode", channel.latencyMode())
        .put("authorized", channel.authorized())
        .put("recordingConfigurationArn", channel.recordingConfigurationArn())
        .put("tags", tags(tags))
        .put("insecureIngest", channel.insecureIngest())
        .put("type", channel.type())
        .put("preset", channel.preset())
        .put("playbackRestrictionPolicyArn", channel.playbackRestrictionPolicyArn())
        .build();
  }

  static StructNode multitrack(MultitrackInputConfiguration configuration) {
    return StructNode.builder()
        .put("enabled", configuration.enabled())
        .put("policy", configuration.policy())
        .put("maximumResolution", configuration.maximumResolution())
        .build();
  }

  /** The stream key including its secret value: only for CreateChannel, CreateStreamKey, Get/BatchGet. */
  static StructNode streamKey(StreamKey streamKey, Map<String, String> tags) {
    return StructNode.builder()
        .put("arn", streamKey.arn())
        .put("value", streamKey.value().reveal())
        .put("channelArn", streamKey.channelArn())
        .put("tags", tags(tags))
        .build();
  }

  static StructNode streamKeySummary(StreamKey streamKey, Map<String, String> tags) {
    return StructNode.builder()
        .put("arn", streamKey.arn())
        .put("channelArn", streamKey.channelArn())
        .put("tags", tags(tags))
        .build();
  }

  static StructNode recordingConfiguration(RecordingConfiguration configuration, Map<String, String> tags) {
    return recordingConfigurationSummary(configuration, tags)
        .with("thumbnailConfiguration", thumbnail(configuration.thumbnailConfiguration()))
        .with("recordingReconnectWindowSeconds",
            dev.onair.protocol.tree.NumberNode.of(configuration.recordingReconnectWindowSeconds()))
        .with("renditionConfiguration", StructNode.builder()
            .put("renditionSelection", configuration.renditionConfiguration().renditionSelection())
            .put("renditions", ListNode.ofStrings(configuration.renditionConfiguration().renditions()))
            .build());
  }

  static StructNode recordingConfigurationSummary(RecordingConfiguration configuration, Map<String, String> tags) {
    return StructNode.builder()
        .put("arn", configuration.arn())
        .put("name", configuration.name())
        .put("destinationConfiguration", StructNode.builder()
            .put("s3", StructNode.builder().put("bucketName", configuration.bucketName()).build())
            .build())
        .put("state", configuration.state().name())
        .put("tags", tags(tags))
        .build();
  }

  private static StructNode thumbnail(ThumbnailConfiguration thumbnail) {
    return StructNode.builder()
        .put("recordingMode", thumbnail.recordingMode())
        .put("targetIntervalSeconds", thumbnail.targetIntervalSeconds())
        .put("resolution", thumbnail.resolution())
        .put("storage", ListNode.ofStrings(thumbnail.storage()))
        .build();
  }

  static StructNode playbackKeyPair(PlaybackKeyPair keyPair, Map<String, String> tags) {
    return StructNode.builder()
        .put("arn", keyPair.arn())
        .put("name", keyPair.name())
        .put("fingerprint", keyPair.fingerprint())
        .put("tags", tags(tags))
        .build();
  }

  static StructNode playbackKeyPairSummary(PlaybackKeyPair keyPair, Map<String, String> tags) {
    return StructNode.builder()
        .put("arn", keyPair.arn())
        .put("name", keyPair.name())
        .put("tags", tags(tags))
        .build();
  }

  static StructNode playbackRestrictionPolicy(PlaybackRestrictionPolicy policy, Map<String, String> tags) {
    return StructNode.builder()
        .put("arn", policy.arn())
        .put("allowedCountries", ListNode.ofStrings(policy.allowedCountries()))
        .put("allowedOrigins", ListNode.ofStrings(policy.allowedOrigins()))
        .put("enableStrictOriginEnforcement", policy.enableStrictOriginEnforcement())
        .put("name", policy.name())
        .put("tags", tags(tags))
        .build();
  }

  static StructNode stream(LiveStream stream, String playbackUrl) {
    return StructNode.builder()
        .put("channelArn", stream.channelArn())
        .put("streamId", stream.streamId())
        .put("playbackUrl", playbackUrl)
        .put("startTime", timestamp(stream.startTime()))
        .put("state", stream.state())
        .put("health", stream.health().name())
        .put("viewerCount", stream.viewerCount())
        .build();
  }

  static StructNode streamSummary(LiveStream stream) {
    return StructNode.builder()
        .put("channelArn", stream.channelArn())
        .put("streamId", stream.streamId())
        .put("state", stream.state())
        .put("health", stream.health().name())
        .put("viewerCount", stream.viewerCount())
        .put("startTime", timestamp(stream.startTime()))
        .build();
  }

  static StructNode streamSessionSummary(StreamSession session) {
    return StructNode.builder()
        .put("streamId", session.streamId())
        .put("startTime", timestamp(session.startTime()))
        .put("endTime", timestamp(session.endTime()))
        .put("hasErrorEvent", session.hasErrorEvent())
        .build();
  }

  /** A session with the channel and recording configuration as they are now (Onair keeps no snapshots). */
  static StructNode streamSession(StreamSession session, StructNode channel, StructNode recordingConfiguration) {
    StructNode.Builder ingest = StructNode.builder();
    if (!session.videoTracks().isEmpty()) {
      ingest.put("video", video(session.videoTracks().get(0)));
    }
    if (!session.audioTracks().isEmpty()) {
      ingest.put("audio", audio(session.audioTracks().get(0)));
    }
    return StructNode.builder()
        .put("streamId", session.streamId())
        .put("startTime", timestamp(session.startTime()))
        .put("endTime", timestamp(session.endTime()))
        .put("channel", channel)
        .put("ingestConfiguration", ingest.build())
        .put("ingestConfigurations", StructNode.builder()
            .put("videoConfigurations", ListNode.map(session.videoTracks(), Shapes::video))
            .put("audioConfigurations", ListNode.map(session.audioTracks(), Shapes::audio))
            .build())
        .put("recordingConfiguration", recordingConfiguration)
        .put("truncatedEvents", ListNode.map(session.truncatedEvents(), Shapes::event))
        .build();
  }

  private static StructNode video(VideoConfiguration video) {
    return StructNode.builder()
        .put("avcProfile", video.avcProfile())
        .put("avcLevel", video.avcLevel())
        .put("codec", video.codec())
        .put("encoder", video.encoder())
        .put("targetBitrate", video.targetBitrate())
        .put("targetFramerate", video.targetFramerate())
        .put("videoHeight", video.videoHeight())
        .put("videoWidth", video.videoWidth())
        .put("level", video.level())
        .put("track", video.track())
        .put("profile", video.profile())
        .build();
  }

  private static StructNode audio(AudioConfiguration audio) {
    return StructNode.builder()
        .put("codec", audio.codec())
        .put("targetBitrate", audio.targetBitrate())
        .put("sampleRate", audio.sampleRate())
        .put("channels", audio.channels())
        .put("track", audio.track())
        .build();
  }

  private static StructNode event(StreamEvent event) {
    return StructNode.builder()
        .put("name", event.name())
        .put("type", event.type())
        .put("eventTime", timestamp(event.eventTime()))
        .put("code", event.code())
        .build();
  }

  static StructNode batchError(String arn, String code, String message) {
    return StructNode.builder().put("arn", arn).put("code", code).put("message", message).build();
  }
}

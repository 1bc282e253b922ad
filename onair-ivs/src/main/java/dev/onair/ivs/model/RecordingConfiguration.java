package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** Where and how channels using it record to S3. Defaults are filled in at creation, as AWS echoes them. */
public record RecordingConfiguration(
    String arn,
    String name,
    String bucketName,
    RecordingConfigurationState state,
    ThumbnailConfiguration thumbnailConfiguration,
    int recordingReconnectWindowSeconds,
    RenditionConfiguration renditionConfiguration,
    Instant createdAt) {

  public RecordingConfiguration {
    requireNonNull(arn, "arn is null");
    requireNonNull(name, "name is null");
    requireNonNull(bucketName, "bucketName is null");
    requireNonNull(state, "state is null");
    requireNonNull(thumbnailConfiguration, "thumbnailConfiguration is null");
    requireNonNull(renditionConfiguration, "renditionConfiguration is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  public RecordingConfiguration withState(RecordingConfigurationState newState) {
    return new RecordingConfiguration(
        arn, name, bucketName, newState, thumbnailConfiguration, recordingReconnectWindowSeconds,
        renditionConfiguration, createdAt);
  }
}

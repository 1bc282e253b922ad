package dev.onair.live.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The durable state of one recording to S3: enough to finish it with a verdict after a crash.
 *
 * @param keyPrefix {@code ivs/v1/<account>/<channel id>/<y>/<m>/<d>/<h>/<mm>/<recording id>}
 * @param container "TS" or "FRAGMENTED_MP4"
 * @param renditionPath e.g. {@code 360p30}; null until the first segment told the resolution
 * @param mediaPlaylist the rendition playlist as last written (without EXT-X-ENDLIST), or null
 * @param status {@link #STARTED}, {@link #ENDED} or {@link #FAILED}
 * @param endedAt null while recording
 */
public record RecordingRecord(
    String recordingId,
    String channelArn,
    String streamId,
    String bucket,
    String keyPrefix,
    Instant startedAt,
    String container,
    String renditionPath,
    int width,
    int height,
    long durationMillis,
    String mediaPlaylist,
    String status,
    Instant endedAt) {

  public static final String STARTED = "RECORDING_STARTED";
  public static final String ENDED = "RECORDING_ENDED";
  public static final String FAILED = "RECORDING_ENDED_WITH_FAILURE";

  public RecordingRecord {
    requireNonNull(recordingId, "recordingId is null");
    requireNonNull(channelArn, "channelArn is null");
    requireNonNull(streamId, "streamId is null");
    requireNonNull(bucket, "bucket is null");
    requireNonNull(keyPrefix, "keyPrefix is null");
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(container, "container is null");
    requireNonNull(status, "status is null");
  }

  public RecordingRecord withProgress(String rendition, int w, int h, long duration, String playlist) {
    return new RecordingRecord(recordingId, channelArn, streamId, bucket, keyPrefix, startedAt, container,
        rendition, w, h, duration, playlist, status, endedAt);
  }

  public RecordingRecord finished(String finalStatus, Instant at) {
    return new RecordingRecord(recordingId, channelArn, streamId, bucket, keyPrefix, startedAt, container,
        renditionPath, width, height, durationMillis, mediaPlaylist, finalStatus, at);
  }
}

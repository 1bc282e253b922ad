package dev.onair.live.recording;

import dev.onair.live.port.RecordingRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Where IVS puts a recording in the bucket (ivs.md §3): {@code ivs/v1/<account>/<channel id>/<year>/<month>/<day>/
 * <hours>/<minutes>/<recording id>/}, UTC at recording start, no zero padding, no leading slash.
 */
public final class RecordingLayout {
  public static final String STARTED_EVENT = "events/recording-started.json";
  public static final String ENDED_EVENT = "events/recording-ended.json";
  /** IVS writes exactly one of {@link #ENDED_EVENT} and this, never both (ivs.md §3). */
  public static final String FAILED_EVENT = "events/recording-failed.json";
  public static final String HLS_PATH = "media/hls";
  public static final String MASTER_PLAYLIST = "master.m3u8";
  public static final String RENDITION_PLAYLIST = "playlist.m3u8";

  private RecordingLayout() {}

  public static String prefix(String accountId, String channelId, Instant start, String recordingId) {
    ZonedDateTime t = start.atZone(ZoneOffset.UTC);
    return "ivs/v1/" + accountId + "/" + channelId + "/" + t.getYear() + "/" + t.getMonthValue() + "/"
        + t.getDayOfMonth() + "/" + t.getHour() + "/" + t.getMinute() + "/" + recordingId;
  }

  /** The verdict document's path: recording-failed.json for RECORDING_ENDED_WITH_FAILURE, else recording-ended.json. */
  public static String verdictEvent(String status) {
    return RecordingRecord.FAILED.equals(status) ? FAILED_EVENT : ENDED_EVENT;
  }

  /** The rendition directory, IVS-style {@code <height>p<fps>} (e.g. {@code 360p30}). */
  public static String renditionPath(int height, double frameRate) {
    long fps = Math.round(frameRate);
    return height + "p" + (fps > 0 ? fps : 30);
  }

  public static String renditionKey(String prefix, String rendition, String file) {
    return prefix + "/" + HLS_PATH + "/" + rendition + "/" + file;
  }

  public static String masterKey(String prefix) {
    return prefix + "/" + HLS_PATH + "/" + MASTER_PLAYLIST;
  }

  public static String segmentFile(long index, String container) {
    return index + ("FRAGMENTED_MP4".equals(container) ? ".m4s" : ".ts");
  }

  public static String initFile(int id) {
    return "init" + id + ".mp4";
  }
}

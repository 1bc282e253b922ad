package dev.onair.live.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The recording metadata files and playlists IVS writes next to the media (ivs.md §3). */
final class RecordingDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordingDocuments() {}

  static byte[] started(String channelArn, Instant startedAt, String rendition, int width, int height) {
    ObjectNode root = base(channelArn, startedAt, null, "RECORDING_STARTED", null);
    root.set("media", media(null, rendition, width, height));
    return bytes(root);
  }

  /**
   * The verdict: recording-ended.json, or recording-failed.json for a failure (same fields, ivs.md §3; no
   * byte_range_playlist, as in IVS's failed example, since Onair writes no byte-range playlists).
   *
   * @param status RECORDING_ENDED or RECORDING_ENDED_WITH_FAILURE
   * @param message e.g. "InternalServerException" for a failure, null otherwise
   */
  static byte[] ended(String channelArn, Instant startedAt, Instant endedAt, String status, String message,
      long durationMillis, String rendition, int width, int height) {
    return ended(channelArn, startedAt, endedAt, status, message, durationMillis, rendition, width, height, null);
  }

  /** @param thumbnails the thumbnails taken (media.thumbnails / media.latest_thumbnail), null when none */
  static byte[] ended(String channelArn, Instant startedAt, Instant endedAt, String status, String message,
      long durationMillis, String rendition, int width, int height, ThumbnailPlan thumbnails) {
    ObjectNode root = base(channelArn, startedAt, endedAt, status, message);
    ObjectNode media = media(durationMillis, rendition, width, height);
    if (thumbnails != null && thumbnails.enabled()) {
      int thumbHeight = thumbnails.height(height);
      int thumbWidth = thumbnails.width(width, height);
      if (thumbnails.sequential()) {
        ObjectNode node = media.putObject("thumbnails");
        node.put("path", ThumbnailPlan.THUMBNAILS_PATH);
        node.put("resolution_height", thumbHeight);
        node.put("resolution_width", thumbWidth);
      }
      if (thumbnails.latest()) {
        ObjectNode node = media.putObject("latest_thumbnail");
        node.put("path", ThumbnailPlan.LATEST_PATH);
        node.put("resolution_height", thumbHeight);
        node.put("resolution_width", thumbWidth);
      }
    }
    root.set("media", media);
    return bytes(root);
  }

  private static ObjectNode base(String channelArn, Instant startedAt, Instant endedAt, String status,
      String message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "v1");
    root.put("channel_arn", channelArn);
    if (endedAt != null) {
      root.put("recording_ended_at", rfc3339(endedAt));
    }
    root.put("recording_started_at", rfc3339(startedAt));
    root.put("recording_status", status);
    if (endedAt != null) {
      root.put("recording_status_message", message == null ? "" : message);
    }
    return root;
  }

  private static ObjectNode media(Long durationMillis, String rendition, int width, int height) {
    ObjectNode hls = JSON.createObjectNode();
    if (durationMillis != null) {
      hls.put("duration_ms", durationMillis);
    }
    hls.put("path", RecordingLayout.HLS_PATH);
    hls.put("playlist", RecordingLayout.MASTER_PLAYLIST);
    ArrayNode renditions = hls.putArray("renditions");
    if (rendition != null) {
      ObjectNode entry = renditions.addObject();
      entry.put("path", rendition);
      entry.put("playlist", RecordingLayout.RENDITION_PLAYLIST);
      entry.put("resolution_height", height);
      entry.put("resolution_width", width);
    }
    ObjectNode media = JSON.createObjectNode();
    media.set("hls", hls);
    return media;
  }

  static byte[] master(String rendition, long bandwidth, int width, int height, String codecs) {
    StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(Math.max(1, bandwidth));
    if (width > 0 && height > 0) {
      out.append(",RESOLUTION=").append(width).append('x').append(height);
    }
    if (codecs != null && !codecs.isEmpty()) {
      out.append(",CODECS=\"").append(codecs).append('"');
    }
    out.append('\n').append(rendition).append('/').append(RecordingLayout.RENDITION_PLAYLIST).append('\n');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The rendition playlist's header; an EVENT playlist while recording, VOD once finished. */
  static String playlistHeader(int targetDuration, boolean fmp4, boolean finished, String initFile) {
    StringBuilder out = new StringBuilder("#EXTM3U\n");
    out.append("#EXT-X-VERSION:").append(fmp4 ? 6 : 3).append('\n');
    out.append("#EXT-X-TARGETDURATION:").append(targetDuration).append('\n');
    out.append("#EXT-X-MEDIA-SEQUENCE:0\n");
    out.append("#EXT-X-PLAYLIST-TYPE:").append(finished ? "VOD" : "EVENT").append('\n');
    if (initFile != null) {
      out.append("#EXT-X-MAP:URI=\"").append(initFile).append("\"\n");
    }
    return out.toString();
  }

  static String segmentEntry(double duration, Instant programDateTime, boolean discontinuity, String file) {
    StringBuilder out = new StringBuilder();
    if (discontinuity) {
      out.append("#EXT-X-DISCONTINUITY\n");
    }
    if (programDateTime != null) {
      out.append("#EXT-X-PROGRAM-DATE-TIME:")
          .append(DateTimeFormatter.ISO_INSTANT.format(programDateTime.truncatedTo(ChronoUnit.MILLIS))).append('\n');
    }
    out.append("#EXTINF:").append(String.format(Locale.ROOT, "%.3f", duration)).append(",\n");
    out.append(file).append('\n');
    return out.toString();
  }

  static String rfc3339(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.onair.hls.playlist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders a {@link MediaPlaylist} (RFC 8216 and draft-pantos-hls-rfc8216bis §4.4, streaming.md
 * §2.4–2.5). Pure: the same model gives the same text, so snapshots can be cached and compared.
 * A live playlist never carries EXT-X-PLAYLIST-TYPE.
 */
public final class MediaPlaylistWriter {
  private static final DateTimeFormatter PDT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT).withZone(ZoneOffset.UTC);

  private MediaPlaylistWriter() {}

  public static String write(MediaPlaylist playlist) {
    StringBuilder out = new StringBuilder(256 + 128 * playlist.segments().size());
    out.append("#EXTM3U\n");
    // 6 covers EXT-X-MAP for fMP4 (RFC 8216 §7); LL tags need no higher version.
    out.append("#EXT-X-VERSION:").append(playlist.mapUri() != null || playlist.partTarget() != null ? 6 : 3)
        .append('\n');
    out.append("#EXT-X-TARGETDURATION:").append(playlist.targetDuration()).append('\n');
    MediaPlaylist.ServerControl control = playlist.serverControl();
    if (control != null) {
      out.append("#EXT-X-SERVER-CONTROL:");
      StringBuilder attributes = new StringBuilder();
      if (control.canBlockReload()) {
        attributes.append("CAN-BLOCK-RELOAD=YES");
      }
      if (control.partHoldBack() > 0) {
        attributes.append(attributes.length() > 0 ? "," : "").append("PART-HOLD-BACK=")
            .append(decimal(control.partHoldBack()));
      }
      if (control.holdBack() > 0) {
        attributes.append(attributes.length() > 0 ? "," : "").append("HOLD-BACK=").append(decimal(control.holdBack()));
      }
      out.append(attributes).append('\n');
    }
    if (playlist.partTarget() != null) {
      out.append("#EXT-X-PART-INF:PART-TARGET=").append(decimal(playlist.partTarget())).append('\n');
    }
    out.append("#EXT-X-MEDIA-SEQUENCE:").append(playlist.mediaSequence()).append('\n');
    if (playlist.discontinuitySequence() > 0) {
      out.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(playlist.discontinuitySequence()).append('\n');
    }
    if (playlist.mapUri() != null) {
      out.append("#EXT-X-MAP:URI=\"").append(playlist.mapUri()).append("\"\n");
    }
    for (MediaPlaylist.Segment segment : playlist.segments()) {
      segmentPrelude(out, segment.discontinuity(), segment.mapUri(), segment.programDateTime());
      for (MediaPlaylist.Part part : segment.parts()) {
        part(out, part);
      }
      out.append("#EXTINF:").append(decimal(segment.duration())).append(",\n");
      out.append(segment.uri()).append('\n');
    }
    if (!playlist.trailingParts().isEmpty() || playlist.preloadHint() != null) {
      segmentPrelude(out, playlist.trailingDiscontinuity(), playlist.trailingMapUri(),
          playlist.trailingProgramDateTime());
    }
    for (MediaPlaylist.Part part : playlist.trailingParts()) {
      part(out, part);
    }
    if (playlist.preloadHint() != null) {
      out.append("#EXT-X-PRELOAD-HINT:TYPE=").append(playlist.preloadHint().type())
          .append(",URI=\"").append(playlist.preloadHint().uri()).append("\"\n");
    }
    if (playlist.endList()) {
      out.append("#EXT-X-ENDLIST\n");
    }
    return out.toString();
  }

  private static void segmentPrelude(StringBuilder out, boolean discontinuity, String mapUri, Instant pdt) {
    if (discontinuity) {
      out.append("#EXT-X-DISCONTINUITY\n");
    }
    if (mapUri != null) {
      out.append("#EXT-X-MAP:URI=\"").append(mapUri).append("\"\n");
    }
    if (pdt != null) {
      out.append("#EXT-X-PROGRAM-DATE-TIME:").append(PDT.format(pdt)).append('\n');
    }
  }

  private static void part(StringBuilder out, MediaPlaylist.Part part) {
    out.append("#EXT-X-PART:DURATION=").append(decimal(part.duration()))
        .append(",URI=\"").append(part.uri()).append('"');
    if (part.independent()) {
      out.append(",INDEPENDENT=YES");
    }
    out.append('\n');
  }

  /**
   * {@code String.format(Locale.ROOT, "%.3f", value)}'s text (the shortest decimal that reads back as the double,
   * rounded half up to three places) without a Formatter: a LOW-latency playlist has ~30 of these.
   */
  static String decimal(double value) {
    if (!Double.isFinite(value) || value == 0 && 1 / value < 0) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).toPlainString();
  }
}

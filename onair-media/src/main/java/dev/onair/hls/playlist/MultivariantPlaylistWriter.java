package dev.onair.hls.playlist;

import java.util.List;
import java.util.Locale;

/** Renders a multivariant (master) playlist from variants, best first as players expect. */
public final class MultivariantPlaylistWriter {
  private MultivariantPlaylistWriter() {}

  public static String write(List<Variant> variants) {
    StringBuilder out = new StringBuilder(128 + 160 * variants.size());
    out.append("#EXTM3U\n");
    out.append("#EXT-X-VERSION:3\n");
    // Every segment starts with a keyframe (the segmenter cuts only there).
    out.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
    for (Variant variant : variants) {
      out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(variant.bandwidth());
      if (variant.averageBandwidth() > 0) {
        out.append(",AVERAGE-BANDWIDTH=").append(variant.averageBandwidth());
      }
      if (variant.width() > 0 && variant.height() > 0) {
        out.append(",RESOLUTION=").append(variant.width()).append('x').append(variant.height());
      }
      if (!variant.codecs().isEmpty()) {
        out.append(",CODECS=\"").append(variant.codecs()).append('"');
      }
      if (variant.frameRate() > 0) {
        out.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", variant.frameRate()));
      }
      out.append('\n').append(variant.uri()).append('\n');
    }
    return out.toString();
  }
}

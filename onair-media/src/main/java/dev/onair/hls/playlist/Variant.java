package dev.onair.hls.playlist;

import java.util.Objects;

/**
 * One EXT-X-STREAM-INF entry.
 *
 * @param bandwidth peak bits per second (required by RFC 8216)
 * @param averageBandwidth average bits per second, or 0 to omit
 * @param width pixels, or 0 to omit RESOLUTION (audio-only)
 * @param codecs RFC 6381 list, e.g. {@code avc1.64001F,mp4a.40.2}
 * @param frameRate frames per second, or 0 to omit
 */
public record Variant(
    String uri, long bandwidth, long averageBandwidth, int width, int height, String codecs, double frameRate) {
  public Variant {
    Objects.requireNonNull(uri, "uri is null");
    Objects.requireNonNull(codecs, "codecs is null");
    if (bandwidth <= 0) {
      throw new IllegalArgumentException("bandwidth must be positive");
    }
  }
}

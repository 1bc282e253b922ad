package dev.onair.hls.mux;

import java.util.Objects;

/**
 * A timed-metadata event for an {@code emsg} box.
 *
 * @param presentationTime on the video timescale ({@link Fmp4Muxer#VIDEO_TIMESCALE}), the same clock as
 *     the video samples' decode times
 * @param id distinguishes events with the same time; players drop exact repeats (same scheme, value, id)
 * @param id3Tag the message data, a complete ID3v2 tag
 */
public record Fmp4Event(long presentationTime, long id, byte[] id3Tag) {
  public Fmp4Event {
    Objects.requireNonNull(id3Tag, "id3Tag is null");
  }
}

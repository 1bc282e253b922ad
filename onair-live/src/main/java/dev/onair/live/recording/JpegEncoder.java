package dev.onair.live.recording;

import java.io.IOException;

/** Decodes one H.264 keyframe to a JPEG; Onair has no Java H.264 decoder, so the production one is ffmpeg. */
@FunctionalInterface
public interface JpegEncoder {
  /**
   * @param annexB one access unit in Annex-B form with its SPS and PPS in front (an IDR picture)
   * @param maxHeight scale down to at most this many lines; null keeps the source size
   * @return the JPEG bytes
   */
  byte[] encode(byte[] annexB, Integer maxHeight) throws IOException;
}

package dev.onair.media.testing;

/** One FLV tag: type 8 audio, 9 video, 18 script data. */
public record FlvTag(int type, long timestamp, byte[] data) {
  public boolean isVideo() {
    return type == 9;
  }

  public boolean isAudio() {
    return type == 8;
  }
}

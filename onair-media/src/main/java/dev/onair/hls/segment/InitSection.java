package dev.onair.hls.segment;

/**
 * An fMP4 initialization section (EXT-X-MAP). A new id appears whenever the codec configuration
 * changes, so players never mix an old init with new fragments.
 */
public record InitSection(int id, byte[] data) {
  @Override
  public String toString() {
    return "InitSection[" + id + ", " + data.length + " bytes]";
  }
}

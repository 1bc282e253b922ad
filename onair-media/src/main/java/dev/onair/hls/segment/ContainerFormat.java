package dev.onair.hls.segment;

/** Segment container: MPEG-TS, or fragmented MP4 (CMAF) with an init section. */
public enum ContainerFormat {
  TS(".ts", "video/mp2t"),
  FMP4(".m4s", "video/mp4");

  private final String extension;
  private final String contentType;

  ContainerFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  /** HTTP Content-Type for segments and parts. */
  public String contentType() {
    return contentType;
  }
}

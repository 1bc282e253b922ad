package dev.onair.s3.model;

/** An inclusive byte range already resolved against an object's size, as {@code Content-Range} reports it. */
public record ByteRange(long first, long last) {
  public ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("bad range " + first + "-" + last);
    }
  }

  public long length() {
    return last - first + 1;
  }

  public String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }
}

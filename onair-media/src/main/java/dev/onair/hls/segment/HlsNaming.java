package dev.onair.hls.segment;

/** URIs the playlist uses; relative to the playlist. The server may supply its own scheme. */
public interface HlsNaming {
  String segment(long msn, ContainerFormat format);

  String part(long msn, int index, ContainerFormat format);

  String init(int id);

  /** {@code seg12.ts}, {@code part12.3.m4s}, {@code init0.mp4}. */
  HlsNaming DEFAULT = new HlsNaming() {
    @Override
    public String segment(long msn, ContainerFormat format) {
      return "seg" + msn + format.extension();
    }

    @Override
    public String part(long msn, int index, ContainerFormat format) {
      return "part" + msn + "." + index + format.extension();
    }

    @Override
    public String init(int id) {
      return "init" + id + ".mp4";
    }
  };
}

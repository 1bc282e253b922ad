package dev.onair.hls.segment;

import dev.onair.hls.playlist.MediaPlaylist;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link SegmentWindow} into the {@link MediaPlaylist} model, applying the LL-HLS rules. */
final class PlaylistComposer {
  /** Parts are listed for this many completed segments (≈ 3×TD with the open one, §6.2.2). */
  private static final int SEGMENTS_WITH_PARTS = 2;

  private PlaylistComposer() {}

  static MediaPlaylist compose(SegmentWindow w, boolean lowLatency, HlsNaming naming) {
    List<Segment> all = w.segments();
    int first = Math.max(0, all.size() - w.playlistSegments());
    List<Segment> visible = all.subList(first, all.size());
    long discontinuitySequence = w.discontinuitiesEvicted();
    for (Segment hidden : all.subList(0, first)) {
      if (hidden.discontinuity()) {
        discontinuitySequence++;
      }
    }
    ContainerFormat format = w.format();
    boolean fmp4 = format == ContainerFormat.FMP4;
    int mapId = visible.isEmpty() ? w.openInitId() : visible.get(0).initId();
    String mapUri = fmp4 ? naming.init(mapId) : null;

    List<MediaPlaylist.Segment> segments = new ArrayList<>(visible.size());
    int lastInit = mapId;
    for (int i = 0; i < visible.size(); i++) {
      Segment s = visible.get(i);
      String segmentMap = fmp4 && s.initId() != lastInit ? naming.init(s.initId()) : null;
      lastInit = s.initId();
      boolean withParts = lowLatency && i >= visible.size() - SEGMENTS_WITH_PARTS;
      segments.add(new MediaPlaylist.Segment(naming.segment(s.msn(), format), s.duration(), s.programDateTime(),
          s.discontinuity(), segmentMap, withParts ? parts(s.parts(), naming, format) : List.of()));
    }

    if (!lowLatency) {
      return new MediaPlaylist(w.targetDuration(), visible.isEmpty() ? w.openMsn() : visible.get(0).msn(),
          discontinuitySequence, null, null, mapUri, segments, List.of(), null, false, null, null, w.ended());
    }
    boolean open = w.openStarted() && !w.ended();
    String trailingMap = fmp4 && open && w.openInitId() != lastInit ? naming.init(w.openInitId()) : null;
    MediaPlaylist.PreloadHint hint = w.ended() ? null
        : new MediaPlaylist.PreloadHint("PART", naming.part(w.openMsn(), open ? w.openParts().size() : 0, format));
    MediaPlaylist.ServerControl control =
        new MediaPlaylist.ServerControl(true, 3 * w.partTarget(), 3.0 * w.targetDuration());
    return new MediaPlaylist(w.targetDuration(), visible.isEmpty() ? w.openMsn() : visible.get(0).msn(),
        discontinuitySequence, w.partTarget(), control, mapUri, segments,
        open ? parts(w.openParts(), naming, format) : List.of(),
        open ? w.openProgramDateTime() : null, open && w.openDiscontinuity(), trailingMap, hint, w.ended());
  }

  private static List<MediaPlaylist.Part> parts(List<Part> parts, HlsNaming naming, ContainerFormat format) {
    List<MediaPlaylist.Part> out = new ArrayList<>(parts.size());
    for (Part p : parts) {
      out.add(new MediaPlaylist.Part(naming.part(p.msn(), p.index(), format), p.duration(), p.independent()));
    }
    return out;
  }
}

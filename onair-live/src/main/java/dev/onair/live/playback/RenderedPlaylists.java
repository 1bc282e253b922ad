package dev.onair.live.playback;

import dev.onair.hls.segment.LiveSegmenter;
import dev.onair.hls.segment.SegmentWindow;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Media playlists rendered once per segment window and latency mode, kept as bytes. Viewers poll the playlist far
 * more often than the window changes (a part or a segment), and every viewer's copy differs only in the playback
 * session appended to each URI, so the text is rendered with a marker where that suffix goes and split there; a
 * request then only copies the pieces around its own suffix.
 *
 * <p>One entry per channel: a new window (or a new broadcast, whose segmenter has a new window) replaces it, so
 * what is held is at most one rendered playlist pair per channel that has been live. A template refers to its
 * window weakly: the window holds the retained segments' media (megabytes), which must go with the broadcast's
 * segmenter when it ends rather than stay here for every channel that was ever live.
 */
final class RenderedPlaylists {
  /** Cannot occur in a playlist: names, tags and attribute values are printable ASCII. */
  private static final String MARKER = "\u0000";
  private static final int MAX_CHANNELS = 10_000;

  /** A rendered playlist: {@code pieces} joined by the session suffix. */
  record Template(WeakReference<SegmentWindow> windowRef, boolean lowLatency, byte[][] pieces, int length) {
    /** The window this was rendered from, or null once nothing else holds it. */
    SegmentWindow window() {
      return windowRef.get();
    }

    byte[] with(String suffix) {
      byte[] insert = suffix.getBytes(StandardCharsets.US_ASCII);
      if (pieces.length == 1) {
        return pieces[0];
      }
      byte[] out = new byte[length + insert.length * (pieces.length - 1)];
      int at = 0;
      for (int i = 0; i < pieces.length; i++) {
        if (i > 0) {
          System.arraycopy(insert, 0, out, at, insert.length);
          at += insert.length;
        }
        System.arraycopy(pieces[i], 0, out, at, pieces[i].length);
        at += pieces[i].length;
      }
      return out;
    }
  }

  private record Entry(Template normal, Template lowLatency) {}

  private final Map<String, Entry> byChannel = new ConcurrentHashMap<>();

  /**
   * The playlist of {@code window}, with {@code suffix} after every segment, part and init URI.
   *
   * @param suffix "" or {@code ?ps=<url-encoded session>} (ASCII)
   */
  byte[] playlist(String channelArn, SegmentWindow window, boolean lowLatency, String suffix) {
    return template(channelArn, window, lowLatency).with(suffix);
  }

  Template template(String channelArn, SegmentWindow window, boolean lowLatency) {
    Entry entry = byChannel.get(channelArn);
    Template cached = entry == null ? null : lowLatency ? entry.lowLatency() : entry.normal();
    if (cached != null && cached.window() == window) {
      return cached;
    }
    Template rendered = render(window, lowLatency);
    // Two threads rendering the same new window store equal templates; an older window never replaces a newer
    // one for long, since the next request with the newer window renders and stores it again.
    if (entry == null || (lowLatency ? entry.normal() : entry.lowLatency()) == null
        || (lowLatency ? entry.normal().window() : entry.lowLatency().window()) != window) {
      entry = lowLatency ? new Entry(null, rendered) : new Entry(rendered, null);
    } else {
      entry = lowLatency ? new Entry(entry.normal(), rendered) : new Entry(rendered, entry.lowLatency());
    }
    if (byChannel.size() >= MAX_CHANNELS && !byChannel.containsKey(channelArn)) {
      byChannel.clear();
    }
    byChannel.put(channelArn, entry);
    return rendered;
  }

  static Template render(SegmentWindow window, boolean lowLatency) {
    String text = LiveSegmenter.playlist(window, lowLatency, PlaybackRoutes.naming(MARKER));
    List<byte[]> pieces = new ArrayList<>();
    int length = 0;
    int from = 0;
    while (true) {
      int at = text.indexOf(MARKER, from);
      byte[] piece = text.substring(from, at < 0 ? text.length() : at).getBytes(StandardCharsets.UTF_8);
      pieces.add(piece);
      length += piece.length;
      if (at < 0) {
        break;
      }
      from = at + MARKER.length();
    }
    return new Template(new WeakReference<>(window), lowLatency, pieces.toArray(new byte[0][]), length);
  }
}

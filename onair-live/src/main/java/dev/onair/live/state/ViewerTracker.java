package dev.onair.live.state;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Distinct playback sessions of one channel seen recently. A player polls its playlist every second or two, so a
 * viewer who has made no request for {@link #WINDOW_MILLIS} has left (IVS drops views about a minute after
 * playback ends).
 */
public final class ViewerTracker {
  public static final long WINDOW_MILLIS = 60_000;

  private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

  /** @param viewer a playback session id, or client address plus user agent when the player sends none */
  public void touch(String viewer, long nowMillis) {
    lastSeen.put(viewer, nowMillis);
  }

  public long count(long nowMillis) {
    long count = 0;
    for (Iterator<Map.Entry<String, Long>> it = lastSeen.entrySet().iterator(); it.hasNext(); ) {
      if (nowMillis - it.next().getValue() > WINDOW_MILLIS) {
        it.remove();
      } else {
        count++;
      }
    }
    return count;
  }
}

package dev.onair.live.state;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Distinct playback sessions of one channel seen recently, with the country each was last seen from. A player polls
 * its playlist every second or two, so a viewer who has made no request for {@link #WINDOW_MILLIS} has left (IVS
 * drops views about a minute after playback ends).
 */
public final class ViewerTracker {
  public static final long WINDOW_MILLIS = 60_000;
  /** AWS's LiveDeliveredTime ViewerCountryCode value when the country is not known. */
  public static final String UNKNOWN_COUNTRY = "UNKNOWN";

  private record Seen(long atMillis, String country) {}

  private final Map<String, Seen> lastSeen = new ConcurrentHashMap<>();

  /** @param viewer a playback session id, or client address plus user agent when the player sends none */
  public void touch(String viewer, long nowMillis) {
    touch(viewer, null, nowMillis);
  }

  /**
   * @param country the viewer's ISO 3166-1 alpha-2 code from the operator's trusted header; null or anything else
   *     counts as {@link #UNKNOWN_COUNTRY}
   */
  public void touch(String viewer, String country, long nowMillis) {
    lastSeen.put(viewer, new Seen(nowMillis, countryCode(country)));
  }

  public long count(long nowMillis) {
    long[] count = {0};
    forEachWithinWindow(nowMillis, seen -> count[0]++);
    return count[0];
  }

  /** Viewers seen within the window, by country; the counts add up to {@link #count}. */
  public Map<String, Long> countByCountry(long nowMillis) {
    Map<String, Long> counts = new HashMap<>();
    forEachWithinWindow(nowMillis, seen -> counts.merge(seen.country(), 1L, Long::sum));
    return counts;
  }

  /** Forgets the viewers who left the window and hands each remaining one to {@code viewer}. */
  private void forEachWithinWindow(long nowMillis, Consumer<Seen> viewer) {
    for (Iterator<Seen> it = lastSeen.values().iterator(); it.hasNext(); ) {
      Seen seen = it.next();
      if (nowMillis - seen.atMillis() > WINDOW_MILLIS) {
        it.remove();
      } else {
        viewer.accept(seen);
      }
    }
  }

  static String countryCode(String header) {
    if (header == null) {
      return UNKNOWN_COUNTRY;
    }
    String code = header.trim();
    boolean twoAsciiLetters = code.length() == 2
        && code.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    return twoAsciiLetters ? code.toUpperCase(Locale.ROOT) : UNKNOWN_COUNTRY;
  }
}

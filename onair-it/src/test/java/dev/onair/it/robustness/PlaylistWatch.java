package dev.onair.it.robustness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows one live stream's media playlist as a player would and checks that no segment is ever dropped: inside
 * each playlist the segment numbers run on from EXT-X-MEDIA-SEQUENCE without a hole, from one reload to the next
 * the numbers continue where the previous one stopped (the window is 12 s, the watch reloads every 2 s, so a hole
 * between reloads is a lost segment unless the reload itself came late, which is counted apart), and no
 * EXT-X-DISCONTINUITY appears (the publisher never republishes during a soak). The media playlist URL carries the
 * broadcast's stream id, so a republish would also turn it into a 404.
 */
final class PlaylistWatch {
  private static final Pattern SEGMENT = Pattern.compile("seg(\\d+)\\.(?:ts|m4s)");
  private static final Pattern MEDIA_SEQUENCE = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)");
  /** A reload later than this after the previous one may legitimately have missed segments that left the window. */
  private static final Duration LATE = Duration.ofSeconds(10);

  private final String name;
  private final URI mediaPlaylist;
  private final List<String> problems = new ArrayList<>();
  private long firstSegment = -1;
  private long lastSegment = -1;
  private long lastReloadNanos;
  private int reloads;
  private int lateReloads;

  PlaylistWatch(String name, URI mediaPlaylist) {
    this.name = name;
    this.mediaPlaylist = mediaPlaylist;
  }

  /** Reloads the playlist once and checks it against the previous reload. */
  synchronized void reload(HttpClient http) {
    long now = System.nanoTime();
    String body;
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(mediaPlaylist)
          .timeout(Robustness.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        problem("media playlist answered " + response.statusCode());
        return;
      }
      body = response.body();
    } catch (Exception e) {
      problem("media playlist not fetched: " + e);
      return;
    } finally {
      reloads++;
    }
    boolean late = lastReloadNanos != 0 && now - lastReloadNanos > LATE.toNanos();
    lastReloadNanos = now;
    if (body.contains("#EXT-X-DISCONTINUITY")) {
      problem("EXT-X-DISCONTINUITY without a republish");
    }
    Matcher sequence = MEDIA_SEQUENCE.matcher(body);
    if (!sequence.find()) {
      problem("no EXT-X-MEDIA-SEQUENCE");
      return;
    }
    long expected = Long.parseLong(sequence.group(1));
    long first = -1;
    long last = -1;
    for (String line : body.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher segment = SEGMENT.matcher(line);
      if (!segment.find()) {
        problem("unexpected media line " + line);
        continue;
      }
      long number = Long.parseLong(segment.group(1));
      if (number != expected) {
        problem("segment " + number + " where " + expected + " was due (media sequence holes)");
      }
      if (first < 0) {
        first = number;
      }
      last = number;
      expected = number + 1;
    }
    if (last < 0) {
      return; // the first segment is not cut yet
    }
    if (lastSegment >= 0) {
      if (last < lastSegment) {
        problem("playlist went back from segment " + lastSegment + " to " + last);
      } else if (first > lastSegment + 1) {
        if (late) {
          lateReloads++;
        } else {
          problem("segments " + (lastSegment + 1) + ".." + (first - 1) + " never listed");
        }
      }
    }
    if (firstSegment < 0) {
      firstSegment = first;
    }
    lastSegment = Math.max(lastSegment, last);
  }

  private void problem(String what) {
    if (problems.size() < 20) {
      problems.add(name + ": " + what);
    }
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** Segments seen to appear during the watch. */
  synchronized long advanced() {
    return firstSegment < 0 ? 0 : lastSegment - firstSegment;
  }

  synchronized int reloads() {
    return reloads;
  }

  synchronized int lateReloads() {
    return lateReloads;
  }
}

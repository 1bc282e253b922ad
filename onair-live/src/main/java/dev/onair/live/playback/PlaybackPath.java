package dev.onair.live.playback;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.ResourceType;
import java.util.Optional;

/**
 * A parsed playback URL. The multivariant playlist sits where IVS puts it ({@code /api/video/v1/<region>.<account>
 * .channel.<id>.m3u8}); everything else hangs below {@code <region>.<account>.channel.<id>/<streamId>/}, so a URL
 * names one broadcast and its segments can be cached as immutable (a republish gets a new stream id).
 *
 * @param streamId null for the multivariant playlist
 * @param msn segment or parent-segment sequence number, -1 when not applicable
 * @param part part index, -1 when not applicable
 */
public record PlaybackPath(
    Kind kind, String region, String accountId, String channelId, String streamId, long msn, int part, int initId,
    String extension) {

  public enum Kind {
    MULTIVARIANT,
    MEDIA_PLAYLIST,
    SEGMENT,
    PART,
    INIT
  }

  public static final String PREFIX = "/api/video/v1/";
  public static final String MEDIA_PLAYLIST = "playlist.m3u8";

  /**
   * Read by hand, not by regular expressions: every playback request is parsed once to decide where it runs and
   * once to serve it (the former patterns are the oracle of PlaybackPathTest). Accepts exactly {@code
   * <region [a-z0-9-]+>.<account [0-9]{1,12}>.channel.<id [a-zA-Z0-9-]{1,64}>} followed by {@code .m3u8} or by
   * {@code /<st-[a-zA-Z0-9]{1,40}>/} and {@code playlist.m3u8}, {@code seg<N>.(ts|m4s)}, {@code
   * part<N>.<I>.(ts|m4s)} or {@code init<N>.mp4}.
   */
  public static Optional<PlaybackPath> parse(String rawPath) {
    if (rawPath == null || !rawPath.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String s = rawPath;
    int n = s.length();
    int i = PREFIX.length();
    int regionStart = i;
    while (i < n && isRegionChar(s.charAt(i))) {
      i++;
    }
    if (i == regionStart || i >= n || s.charAt(i) != '.') {
      return Optional.empty();
    }
    String region = s.substring(regionStart, i);
    int accountStart = ++i;
    i = digits(s, i);
    if (i == accountStart || i - accountStart > 12 || !s.startsWith(".channel.", i)) {
      return Optional.empty();
    }
    String account = s.substring(accountStart, i);
    int idStart = i + ".channel.".length();
    i = idStart;
    while (i < n && isIdChar(s.charAt(i))) {
      i++;
    }
    if (i == idStart || i - idStart > 64 || i >= n) {
      return Optional.empty();
    }
    String channel = s.substring(idStart, i);
    if (s.charAt(i) == '.') {
      return i + 5 == n && s.startsWith(".m3u8", i)
          ? Optional.of(new PlaybackPath(Kind.MULTIVARIANT, region, account, channel, null, -1, -1, -1, "m3u8"))
          : Optional.empty();
    }
    if (s.charAt(i) != '/' || !s.startsWith("st-", i + 1)) {
      return Optional.empty();
    }
    int streamStart = i + 1;
    i = streamStart + 3;
    while (i < n && isAlphanumeric(s.charAt(i))) {
      i++;
    }
    if (i == streamStart + 3 || i - streamStart - 3 > 40 || i >= n || s.charAt(i) != '/') {
      return Optional.empty();
    }
    String stream = s.substring(streamStart, i);
    return file(s, i + 1, region, account, channel, stream);
  }

  private static Optional<PlaybackPath> file(String s, int start, String region, String account, String channel,
      String stream) {
    int n = s.length();
    if (s.startsWith(MEDIA_PLAYLIST, start) && start + MEDIA_PLAYLIST.length() == n) {
      return Optional.of(new PlaybackPath(Kind.MEDIA_PLAYLIST, region, account, channel, stream, -1, -1, -1, "m3u8"));
    }
    if (s.startsWith("seg", start)) {
      int end = digits(s, start + 3);
      String extension = mediaExtension(s, end);
      if (end == start + 3 || end - start - 3 > 18 || extension == null) {
        return Optional.empty();
      }
      return Optional.of(new PlaybackPath(Kind.SEGMENT, region, account, channel, stream,
          Long.parseLong(s, start + 3, end, 10), -1, -1, extension));
    }
    if (s.startsWith("part", start)) {
      int msnEnd = digits(s, start + 4);
      if (msnEnd == start + 4 || msnEnd - start - 4 > 18 || msnEnd >= n || s.charAt(msnEnd) != '.') {
        return Optional.empty();
      }
      int indexEnd = digits(s, msnEnd + 1);
      String extension = mediaExtension(s, indexEnd);
      if (indexEnd == msnEnd + 1 || indexEnd - msnEnd - 1 > 6 || extension == null) {
        return Optional.empty();
      }
      return Optional.of(new PlaybackPath(Kind.PART, region, account, channel, stream,
          Long.parseLong(s, start + 4, msnEnd, 10), Integer.parseInt(s, msnEnd + 1, indexEnd, 10), -1, extension));
    }
    if (s.startsWith("init", start)) {
      int end = digits(s, start + 4);
      if (end == start + 4 || end - start - 4 > 9 || end + 4 != n || !s.startsWith(".mp4", end)) {
        return Optional.empty();
      }
      return Optional.of(new PlaybackPath(Kind.INIT, region, account, channel, stream, -1, -1,
          Integer.parseInt(s, start + 4, end, 10), "mp4"));
    }
    return Optional.empty();
  }

  /** "ts" or "m4s" when {@code s} ends with exactly that extension at {@code dot}, else null. */
  private static String mediaExtension(String s, int dot) {
    int rest = s.length() - dot;
    if (rest == 3 && s.startsWith(".ts", dot)) {
      return "ts";
    }
    if (rest == 4 && s.startsWith(".m4s", dot)) {
      return "m4s";
    }
    return null;
  }

  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static boolean isRegionChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static boolean isIdChar(char c) {
    return isAlphanumeric(c) || c == '-';
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  public String channelArn() {
    return IvsArn.of(region, accountId, ResourceType.CHANNEL, channelId);
  }

  /** The media playlist's URL relative to the multivariant playlist. */
  public static String mediaPlaylistUri(String region, String accountId, String channelId, String streamId) {
    return region + "." + accountId + ".channel." + channelId + "/" + streamId + "/" + MEDIA_PLAYLIST;
  }
}

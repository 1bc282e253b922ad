package dev.onair.live.playback;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.ResourceType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern CHANNEL = Pattern.compile("([a-z0-9-]+)\\.([0-9]{1,12})\\.channel\\.([a-zA-Z0-9-]{1,64})");
  private static final Pattern MULTIVARIANT = Pattern.compile(CHANNEL.pattern() + "\\.m3u8");
  private static final Pattern RESOURCE = Pattern.compile(CHANNEL.pattern() + "/(st-[a-zA-Z0-9]{1,40})/(.+)");
  private static final Pattern SEGMENT = Pattern.compile("seg([0-9]{1,18})\\.(ts|m4s)");
  private static final Pattern PART = Pattern.compile("part([0-9]{1,18})\\.([0-9]{1,6})\\.(ts|m4s)");
  private static final Pattern INIT = Pattern.compile("init([0-9]{1,9})\\.mp4");

  public static Optional<PlaybackPath> parse(String rawPath) {
    if (rawPath == null || !rawPath.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = rawPath.substring(PREFIX.length());
    Matcher m = MULTIVARIANT.matcher(rest);
    if (m.matches()) {
      return Optional.of(new PlaybackPath(Kind.MULTIVARIANT, m.group(1), m.group(2), m.group(3), null, -1, -1, -1,
          "m3u8"));
    }
    m = RESOURCE.matcher(rest);
    if (!m.matches()) {
      return Optional.empty();
    }
    String region = m.group(1);
    String account = m.group(2);
    String channel = m.group(3);
    String stream = m.group(4);
    String file = m.group(5);
    if (file.equals(MEDIA_PLAYLIST)) {
      return Optional.of(new PlaybackPath(Kind.MEDIA_PLAYLIST, region, account, channel, stream, -1, -1, -1, "m3u8"));
    }
    Matcher f = SEGMENT.matcher(file);
    if (f.matches()) {
      return Optional.of(new PlaybackPath(Kind.SEGMENT, region, account, channel, stream,
          Long.parseLong(f.group(1)), -1, -1, f.group(2)));
    }
    f = PART.matcher(file);
    if (f.matches()) {
      return Optional.of(new PlaybackPath(Kind.PART, region, account, channel, stream,
          Long.parseLong(f.group(1)), Integer.parseInt(f.group(2)), -1, f.group(3)));
    }
    f = INIT.matcher(file);
    if (f.matches()) {
      return Optional.of(new PlaybackPath(Kind.INIT, region, account, channel, stream, -1, -1,
          Integer.parseInt(f.group(1)), "mp4"));
    }
    return Optional.empty();
  }

  public String channelArn() {
    return IvsArn.of(region, accountId, ResourceType.CHANNEL, channelId);
  }

  /** The media playlist's URL relative to the multivariant playlist. */
  public static String mediaPlaylistUri(String region, String accountId, String channelId, String streamId) {
    return region + "." + accountId + ".channel." + channelId + "/" + streamId + "/" + MEDIA_PLAYLIST;
  }
}

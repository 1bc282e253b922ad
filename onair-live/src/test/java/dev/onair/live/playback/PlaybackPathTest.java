package dev.onair.live.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaybackPathTest {
  private static final String BASE = "/api/video/v1/us-west-2.123456789012.channel.abcdEFGH1234";

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      "'.m3u8',                                   MULTIVARIANT,   -,                  -1, -1, -1",
      "'/st-ABCDEfghij01234KLMN5678/playlist.m3u8', MEDIA_PLAYLIST, st-ABCDEfghij01234KLMN5678, -1, -1, -1",
      "'/st-ABCDEfghij01234KLMN5678/seg12.ts',      SEGMENT,        st-ABCDEfghij01234KLMN5678, 12, -1, -1",
      "'/st-ABCDEfghij01234KLMN5678/part12.3.m4s',  PART,           st-ABCDEfghij01234KLMN5678, 12,  3, -1",
      "'/st-ABCDEfghij01234KLMN5678/init2.mp4',     INIT,           st-ABCDEfghij01234KLMN5678, -1, -1,  2",
  })
  void parse_knownResources(String suffix, PlaybackPath.Kind kind, String streamId, long msn, int part, int init) {
    PlaybackPath path = PlaybackPath.parse(BASE + suffix).orElseThrow();
    assertThat(path.kind()).isEqualTo(kind);
    assertThat(path.streamId()).isEqualTo(streamId);
    assertThat(path.msn()).isEqualTo(msn);
    assertThat(path.part()).isEqualTo(part);
    assertThat(path.initId()).isEqualTo(init);
    assertThat(path.channelArn()).isEqualTo("arn:aws:ivs:us-west-2:123456789012:channel/abcdEFGH1234");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/api/video/v1/us-west-2.123456789012.channel.abc.m3u",
      "/api/video/v1/us-west-2.123456789012.channel..m3u8",
      "/api/video/v1/us-west-2.1234567890123.channel.abc.m3u8",
      "/api/video/v1/us-west-2.123456789012.channel.abc/st-1/../../etc/passwd",
      "/api/video/v1/us-west-2.123456789012.channel.abc/st-1/seg1.exe",
      "/api/video/v1/us-west-2.123456789012.channel.abc/notastream/seg1.ts",
      "/other/us-west-2.123456789012.channel.abc.m3u8",
  })
  void parse_rejectsEverythingElse(String rawPath) {
    assertThat(PlaybackPath.parse(rawPath)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/api/video/v1/us-west-2.123456789012.channel.abc/st-1/seg1234567890123456789.ts",
      "/api/video/v1/us-west-2.123456789012.channel.abc/st-1/part1.1234567.ts",
      "/api/video/v1/us-west-2.123456789012.channel.abc/st-1/init1234567890.mp4",
      "/api/video/v1/us-west-2.123456789012.channel.abc/st-1/seg1.ts/",
      "/api/video/v1/us-west-2.123456789012.channel.abc/st-1/playlist.m3u8x",
      "/api/video/v1/us-west-2.123456789012.channel.abc/st-/seg1.ts",
      "/api/video/v1/US-west-2.123456789012.channel.abc.m3u8",
      "/api/video/v1/.123456789012.channel.abc.m3u8",
      "/api/video/v1/us-west-2..channel.abc.m3u8",
  })
  void parse_rejectsOutOfRangeFields(String rawPath) {
    assertThat(PlaybackPath.parse(rawPath)).isEqualTo(Optional.empty());
  }

  /** The parser reads by hand what these patterns (its former implementation) accept; 50,000 mutants agree. */
  @Test
  void parse_agreesWithTheFormerPatterns() {
    List<String> seeds = List.of(
        BASE + ".m3u8",
        BASE + "/st-ABCDEfghij01234KLMN5678/playlist.m3u8",
        BASE + "/st-ABCDEfghij01234KLMN5678/seg12.ts",
        BASE + "/st-ABCDEfghij01234KLMN5678/seg123456789012345678.m4s",
        BASE + "/st-ABCDEfghij01234KLMN5678/part12.3.m4s",
        BASE + "/st-a/part123456789012345678.123456.ts",
        BASE + "/st-ABCDEfghij01234KLMN5678/init2.mp4",
        "/api/video/v1/a.1.channel." + "x".repeat(64) + ".m3u8",
        "/api/video/v1/a.1.channel.x/st-" + "y".repeat(40) + "/init123456789.mp4");
    String alphabet = "abz09-./stAZ_?%" + "\n" + "\u00e9";
    Random random = new Random(42);
    List<String> inputs = new ArrayList<>(seeds);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder s = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        int at = PlaybackPath.PREFIX.length() + random.nextInt(s.length() - PlaybackPath.PREFIX.length() + 1);
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> s.insert(at, c);
          case 1 -> {
            if (at < s.length()) {
              s.deleteCharAt(at);
            }
          }
          default -> {
            if (at < s.length()) {
              s.setCharAt(at, c);
            }
          }
        }
      }
      inputs.add(s.toString());
    }
    int accepted = 0;
    for (String input : inputs) {
      Optional<PlaybackPath> expected = Former.parse(input);
      assertThat(PlaybackPath.parse(input)).as(input).isEqualTo(expected);
      accepted += expected.isPresent() ? 1 : 0;
    }
    assertThat(accepted).as("mutants that still parse").isGreaterThan(1_000);
  }

  /** The regular-expression parser PlaybackPath had until session 6, kept as the oracle. */
  private static final class Former {
    private static final Pattern CHANNEL =
        Pattern.compile("([a-z0-9-]+)\\.([0-9]{1,12})\\.channel\\.([a-zA-Z0-9-]{1,64})");
    private static final Pattern MULTIVARIANT = Pattern.compile(CHANNEL.pattern() + "\\.m3u8");
    private static final Pattern RESOURCE = Pattern.compile(CHANNEL.pattern() + "/(st-[a-zA-Z0-9]{1,40})/(.+)");
    private static final Pattern SEGMENT = Pattern.compile("seg([0-9]{1,18})\\.(ts|m4s)");
    private static final Pattern PART = Pattern.compile("part([0-9]{1,18})\\.([0-9]{1,6})\\.(ts|m4s)");
    private static final Pattern INIT = Pattern.compile("init([0-9]{1,9})\\.mp4");

    static Optional<PlaybackPath> parse(String rawPath) {
      if (rawPath == null || !rawPath.startsWith(PlaybackPath.PREFIX)) {
        return Optional.empty();
      }
      String rest = rawPath.substring(PlaybackPath.PREFIX.length());
      Matcher m = MULTIVARIANT.matcher(rest);
      if (m.matches()) {
        return Optional.of(new PlaybackPath(PlaybackPath.Kind.MULTIVARIANT, m.group(1), m.group(2), m.group(3), null,
            -1, -1, -1, "m3u8"));
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
      if (file.equals(PlaybackPath.MEDIA_PLAYLIST)) {
        return Optional.of(new PlaybackPath(PlaybackPath.Kind.MEDIA_PLAYLIST, region, account, channel, stream, -1,
            -1, -1, "m3u8"));
      }
      Matcher f = SEGMENT.matcher(file);
      if (f.matches()) {
        return Optional.of(new PlaybackPath(PlaybackPath.Kind.SEGMENT, region, account, channel, stream,
            Long.parseLong(f.group(1)), -1, -1, f.group(2)));
      }
      f = PART.matcher(file);
      if (f.matches()) {
        return Optional.of(new PlaybackPath(PlaybackPath.Kind.PART, region, account, channel, stream,
            Long.parseLong(f.group(1)), Integer.parseInt(f.group(2)), -1, f.group(3)));
      }
      f = INIT.matcher(file);
      if (f.matches()) {
        return Optional.of(new PlaybackPath(PlaybackPath.Kind.INIT, region, account, channel, stream, -1, -1,
            Integer.parseInt(f.group(1)), "mp4"));
      }
      return Optional.empty();
    }
  }
}

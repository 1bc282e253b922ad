package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IvsArnTest {
  /** The shape IvsArn.parse accepted when it matched this pattern; the hand-written reader must agree with it. */
  private static final Pattern FORMAT = Pattern.compile("arn:aws:ivs:([a-z0-9-]+):([0-9]+):([a-z-]+)/([a-zA-Z0-9-]+)");

  private static Optional<IvsArn> byPattern(String arn) {
    Matcher matcher = FORMAT.matcher(arn);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    ResourceType type = ResourceType.fromArnSegment(matcher.group(3));
    return type == null
        ? Optional.empty()
        : Optional.of(new IvsArn(matcher.group(1), matcher.group(2), type, matcher.group(4)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEfGh1234 | us-west-2 | 123456789012 | CHANNEL | AbCdEfGh1234",
      "arn:aws:ivs:eu-central-1:1:stream-key/a-b | eu-central-1 | 1 | STREAM_KEY | a-b",
      "arn:aws:ivs:us-east-1:123456789012:recording-configuration/x | us-east-1 | 123456789012 | RECORDING_CONFIGURATION | x",
      "arn:aws:ivs:us-west-2:123456789012:channel/ | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:us-west-2:123456789012:channel | NULL | NULL | NULL | NULL",
      "arn:aws:ivs::123456789012:channel/abc | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:us-west-2::channel/abc | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:us-west-2:12a:channel/abc | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:US-west-2:123456789012:channel/abc | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:us-west-2:123456789012:Channel/abc | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:us-west-2:123456789012:no-such-type/abc | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:us-west-2:123456789012:channel/abc/def | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:us-west-2:123456789012:channel/abc:def | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:us-west-2:123456789012:channel/abc_def | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:us-west-2:123456789012:channel/* | NULL | NULL | NULL | NULL",
      "arn:aws:iam:us-west-2:123456789012:channel/abc | NULL | NULL | NULL | NULL",
      "xarn:aws:ivs:us-west-2:123456789012:channel/abc | NULL | NULL | NULL | NULL",
      "arn:aws:ivs:us-west-2:123456789012:channel/abc.def | NULL | NULL | NULL | NULL",
  })
  void parse_table(String arn, String region, String account, ResourceType type, String id) {
    Optional<IvsArn> parsed = IvsArn.parse(arn);
    if (region == null) {
      assertThat(parsed).isEmpty();
    } else {
      assertThat(parsed).contains(new IvsArn(region, account, type, id));
      assertThat(parsed.orElseThrow().toString()).isEqualTo(arn);
    }
  }

  @Test
  void parse_null() {
    assertThat(IvsArn.parse(null)).isEmpty();
  }

  /** Valid ARNs with one character changed, dropped or added anywhere: both readers decide alike. */
  @Test
  void parse_agreesWithThePattern_onMutatedArns() {
    String[] bases = {
        "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEfGh1234",
        "arn:aws:ivs:ap-northeast-1:000000000001:playback-restriction-policy/Ab-9",
        "arn:aws:ivs:us-east-1:123456789012:stream-key/k"};
    String alphabet = "aZ09-:/_*. arnivsAWS";
    Random random = new Random(20261130);
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder arn = new StringBuilder(bases[i % bases.length]);
      int edits = 1 + random.nextInt(2);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(arn.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> arn.setCharAt(at, c);
          case 1 -> arn.deleteCharAt(at);
          default -> arn.insert(at, c);
        }
      }
      String candidate = arn.toString();
      Optional<IvsArn> expected = byPattern(candidate);
      assertThat(IvsArn.parse(candidate)).as(candidate).isEqualTo(expected);
      accepted += expected.isPresent() ? 1 : 0;
    }
    assertThat(accepted).as("mutations that stay valid ARNs").isBetween(1_000, 19_000);
  }
}

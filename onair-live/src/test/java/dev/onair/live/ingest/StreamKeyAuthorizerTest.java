package dev.onair.live.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.Channel;
import dev.onair.live.fakes.Fakes;
import dev.onair.rtmp.session.PublishDecision;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamKeyAuthorizerTest {
  private static final String SECURE_KEY = "sk_us-east-1_secureAAAAAA_keykeykeykeykeykeykeykeykeyke";
  private static final String INSECURE_KEY = "sk_us-east-1_insecureBBBB_keykeykeykeykeykeykeykeykeyke";
  private static final String ORPHAN_KEY = "sk_us-east-1_orphanCCCCCC_keykeykeykeykeykeykeykeykeyke";
  private static final String LIVE_KEY = "sk_us-east-1_liveDDDDDDDD_keykeykeykeykeykeykeykeykeyke";

  static Stream<Arguments> cases() {
    return Stream.of(
        // key, RTMPS?, expected refusal (null = admitted), expected channel id
        Arguments.of(SECURE_KEY, true, null, "secure"),
        Arguments.of(SECURE_KEY, false, StreamKeyAuthorizer.INSECURE_REFUSED, null),
        Arguments.of(INSECURE_KEY, false, null, "insecure"),
        Arguments.of(INSECURE_KEY, true, null, "insecure"),
        Arguments.of("sk_us-east-1_wrong", true, StreamKeyAuthorizer.INVALID_KEY, null),
        Arguments.of(SECURE_KEY.substring(0, SECURE_KEY.length() - 1), true, StreamKeyAuthorizer.INVALID_KEY, null),
        Arguments.of("", true, StreamKeyAuthorizer.INVALID_KEY, null),
        Arguments.of("x".repeat(300), true, StreamKeyAuthorizer.INVALID_KEY, null),
        Arguments.of(ORPHAN_KEY, true, StreamKeyAuthorizer.INVALID_KEY, null),
        Arguments.of(LIVE_KEY, true, StreamKeyAuthorizer.ALREADY_LIVE, null));
  }

  @ParameterizedTest(name = "[{index}] secure={1} -> {2}")
  @MethodSource("cases")
  void authorize_resolvesKeyToChannel(String key, boolean secure, String refusal, String channelId) {
    Fakes.Channels channels = new Fakes.Channels();
    Fakes.StreamKeys keys = new Fakes.StreamKeys();
    Channel secureChannel = Fakes.channel("secure", false, "LOW", "TS", "", false);
    Channel insecureChannel = Fakes.channel("insecure", true, "LOW", "TS", "", false);
    Channel deletedChannel = Fakes.channel("deleted", true, "LOW", "TS", "", false);
    Channel liveChannel = Fakes.channel("live", true, "LOW", "TS", "", false);
    channels.create(secureChannel);
    channels.create(insecureChannel);
    channels.create(liveChannel);
    keys.create(Fakes.key(secureChannel, "k1", SECURE_KEY));
    keys.create(Fakes.key(insecureChannel, "k2", INSECURE_KEY));
    keys.create(Fakes.key(deletedChannel, "k3", ORPHAN_KEY));
    keys.create(Fakes.key(liveChannel, "k4", LIVE_KEY));
    StreamKeyAuthorizer authorizer =
        new StreamKeyAuthorizer(keys, channels, Set.of(liveChannel.arn())::contains, secure);

    PublishDecision decision = authorizer.authorize("app", key);

    if (refusal == null) {
      assertThat(decision).isInstanceOf(PublishDecision.Accepted.class);
      IngestTicket ticket = (IngestTicket) ((PublishDecision.Accepted) decision).attachment();
      assertThat(ticket.channel().id()).isEqualTo(channelId);
      assertThat(ticket.secure()).isEqualTo(secure);
    } else {
      assertThat(decision).isEqualTo(PublishDecision.refuse(refusal));
      if (!key.isEmpty()) {
        assertThat(decision.toString()).doesNotContain(key);
      }
    }
  }
}

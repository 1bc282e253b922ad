package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.ivs.model.LiveStream;
import dev.onair.ivs.model.StreamHealth;
import dev.onair.protocol.error.AwsServiceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PutMetadata's documented limits (ivs.md §1.3, §6.1: 5 TPS per channel, 155 TPS per account, 1 KB) hold in the
 * server as it is configured, with general throttling off, while every other operation stays unthrottled.
 */
class PutMetadataLimitsTest {
  private static final String ACCOUNT = "111122223333";
  private static final String REGION = "us-west-2";
  private static final String CHANNEL_A = "arn:aws:ivs:us-west-2:111122223333:channel/aaaaAAAAaaaa";
  private static final String CHANNEL_B = "arn:aws:ivs:us-west-2:111122223333:channel/bbbbBBBBbbbb";

  /** One step of a script against a throttle that is switched off: at a time, a call, and whether it passes. */
  record Step(long atMillis, String operation, String channelArn, boolean passes) {}

  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of("five per channel in one instant, the sixth refused",
            List.of(pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, true),
                pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, false))),
        Arguments.of("another channel has its own five",
            List.of(pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, true),
                pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, false), pm(0, CHANNEL_B, true))),
        Arguments.of("a token returns every 200 ms",
            List.of(pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, true), pm(0, CHANNEL_A, true),
                pm(0, CHANNEL_A, true), pm(100, CHANNEL_A, false), pm(250, CHANNEL_A, true),
                pm(250, CHANNEL_A, false))),
        Arguments.of("a steady 5 per second is never refused",
            Stream.iterate(0L, t -> t + 200).limit(50).map(t -> pm(t, CHANNEL_A, true)).toList()));
  }

  private static Step pm(long atMillis, String channelArn, boolean passes) {
    return new Step(atMillis, "PutMetadata", channelArn, passes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void perChannel_withThrottlingOff(String name, List<Step> script) {
    MutableClock clock = new MutableClock();
    IvsThrottle throttle = IvsThrottle.disabled(clock);
    assertThat(throttle.enabled()).isFalse();
    for (int i = 0; i < script.size(); i++) {
      Step step = script.get(i);
      clock.set(step.atMillis());
      boolean passed = passes(() -> {
        throttle.acquire(step.operation(), ACCOUNT, REGION);
        throttle.acquirePerChannel(step.operation(), step.channelArn());
      });
      assertThat(passed).as("step %d %s", i, step).isEqualTo(step.passes());
    }
  }

  @Test
  void perAccount_155PerSecond_withThrottlingOff() {
    MutableClock clock = new MutableClock();
    IvsThrottle throttle = IvsThrottle.disabled(clock);
    for (int i = 0; i < 155; i++) {
      throttle.acquire("PutMetadata", ACCOUNT, REGION);
    }
    assertThatThrownBy(() -> throttle.acquire("PutMetadata", ACCOUNT, REGION))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo(IvsErrorCode.THROTTLING));
    throttle.acquire("PutMetadata", "444455556666", REGION); // another account has its own
    throttle.acquire("PutMetadata", ACCOUNT, "eu-west-1"); // and another region
    clock.set(1000);
    throttle.acquire("PutMetadata", ACCOUNT, REGION);
  }

  @Test
  void otherOperations_stayUnthrottledWhileThrottlingIsOff() {
    IvsThrottle throttle = IvsThrottle.disabled(new MutableClock());
    for (int i = 0; i < 1_000; i++) {
      throttle.acquire("GetChannel", ACCOUNT, REGION);
      throttle.acquire("GetStream", ACCOUNT, REGION);
    }
  }

  @Test
  void service_sixthPutMetadataOnAChannelInOneSecond_isThrottlingException429() {
    IvsHarness ivs = new IvsHarness(); // its clock stands still: no token comes back during the test
    String a = ivs.createChannel();
    String b = ivs.createChannel();
    ivs.live.live.put(a, new LiveStream(a, "st-1AuTyMDASvHUTSb8p5PvbsO", Instant.EPOCH, StreamHealth.HEALTHY, 0));
    ivs.live.live.put(b, new LiveStream(b, "st-2AuTyMDASvHUTSb8p5PvbsO", Instant.EPOCH, StreamHealth.HEALTHY, 0));
    for (int i = 0; i < 5; i++) {
      ivs.call("PutMetadata", "channelArn", a, "metadata", "m" + i);
    }
    AwsServiceException throttled = ivs.fail("PutMetadata", "channelArn", a, "metadata", "m5");
    assertThat(throttled.errorCode()).isEqualTo(IvsErrorCode.THROTTLING);
    assertThat(throttled.errorCode().httpStatus()).isEqualTo(429);
    ivs.call("PutMetadata", "channelArn", b, "metadata", "other channel");
    assertThat(ivs.live.metadata).containsExactly("m0", "m1", "m2", "m3", "m4", "other channel");
  }

  @Test
  void service_metadataLimitIsBytesNotCharacters() {
    IvsHarness ivs = new IvsHarness();
    String a = ivs.createChannel();
    ivs.live.live.put(a, new LiveStream(a, "st-1AuTyMDASvHUTSb8p5PvbsO", Instant.EPOCH, StreamHealth.HEALTHY, 0));
    ivs.call("PutMetadata", "channelArn", a, "metadata", "x".repeat(1024));
    // 512 two-byte characters are exactly 1 KB; one more byte is too many
    ivs.call("PutMetadata", "channelArn", a, "metadata", "é".repeat(512));
    assertThat(ivs.fail("PutMetadata", "channelArn", a, "metadata", "é".repeat(512) + "x").errorCode())
        .isEqualTo(IvsErrorCode.VALIDATION);
  }

  private static boolean passes(Runnable call) {
    try {
      call.run();
      return true;
    } catch (AwsServiceException e) {
      assertThat(e.errorCode()).isEqualTo(IvsErrorCode.THROTTLING);
      return false;
    }
  }

  /** A clock the test moves by hand, in milliseconds from the epoch. */
  static final class MutableClock extends Clock {
    private long millis;

    void set(long millis) {
      this.millis = millis;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
      return millis;
    }
  }
}

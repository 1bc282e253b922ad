package dev.onair.live.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.live.port.PublisherLease.Holder;
import dev.onair.live.port.PublisherLease.Lease;
import dev.onair.live.port.PublisherLease.Renewal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lease rules as a table: each row is a history on one channel (node A claimed at T0 with a 10 s TTL) and
 * the step whose outcome is checked. The JDBC implementation follows the same rules with conditional SQL.
 */
class PublisherLeaseRulesTest {
  private static final String CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/abc";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(10);
  private static final Holder HOLDER_A = new Holder("10.0.0.1:8080", "arn:key/a", T0);

  /** One step against a lease store in which node A holds {@code leaseA}; returns what the row checks. */
  record Case(String name, Function<Setup, Object> step, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Setup(PublisherLease leases, Lease leaseA) {}

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("second node claims a live lease: refused",
            s -> s.leases().claim(CHANNEL, "B", "st-b", T0.plusSeconds(9), TTL).isPresent(), false),
        new Case("second node claims the lease at its expiry instant: takeover",
            s -> s.leases().claim(CHANNEL, "B", "st-b", T0.plusSeconds(10), TTL).isPresent(), true),
        new Case("holder renews after a takeover: lost",
            s -> {
              s.leases().claim(CHANNEL, "B", "st-b", T0.plusSeconds(11), TTL);
              return s.leases().heartbeat(s.leaseA(), T0.plusSeconds(12), TTL, "HEALTHY", 1);
            }, Renewal.LOST),
        new Case("holder renews late but before anyone took over: renewed",
            s -> s.leases().heartbeat(s.leaseA(), T0.plusSeconds(15), TTL, "HEALTHY", 3), Renewal.RENEWED),
        new Case("renewal pushes expiry: second node still refused at T0+15",
            s -> {
              s.leases().heartbeat(s.leaseA(), T0.plusSeconds(9), TTL, "HEALTHY", 3);
              return s.leases().claim(CHANNEL, "B", "st-b", T0.plusSeconds(15), TTL).isPresent();
            }, false),
        new Case("heartbeat publishes health and viewers",
            s -> {
              s.leases().heartbeat(s.leaseA(), T0.plusSeconds(1), TTL, "STARVING", 7);
              var state = s.leases().state(CHANNEL).orElseThrow();
              return state.health() + "/" + state.viewerCount() + "/" + state.holder().nodeAddress();
            }, "STARVING/7/10.0.0.1:8080"),
        new Case("stop requested by another node: next heartbeat says so",
            s -> {
              s.leases().requestStop(CHANNEL, null, T0.plusSeconds(1));
              return s.leases().heartbeat(s.leaseA(), T0.plusSeconds(2), TTL, "HEALTHY", 0);
            }, Renewal.STOP_REQUESTED),
        new Case("heartbeatAll: the holder's lease renewed, a stale lease of the same node lost, in that order",
            s -> s.leases().heartbeatAll(java.util.List.of(
                new PublisherLease.Beat(s.leaseA(), "HEALTHY", 2),
                new PublisherLease.Beat(new Lease(CHANNEL, "A", "st-old", T0.plusSeconds(10)), "HEALTHY", 0)),
                T0.plusSeconds(3), TTL), java.util.List.of(Renewal.RENEWED, Renewal.LOST)),
        new Case("heartbeatAll after a stop request: stop requested, expiry still pushed",
            s -> {
              s.leases().requestStop(CHANNEL, null, T0.plusSeconds(1));
              return s.leases().heartbeatAll(java.util.List.of(new PublisherLease.Beat(s.leaseA(), "HEALTHY", 0)),
                  T0.plusSeconds(2), TTL) + "," + s.leases().find(CHANNEL).orElseThrow().expiresAt();
            }, "[STOP_REQUESTED]," + T0.plusSeconds(12)),
        new Case("stopRequested: nothing until another node asks",
            s -> s.leases().stopRequested("A"), java.util.List.of()),
        new Case("stopRequested lists the holder's lease once asked, and only to its holder",
            s -> {
              s.leases().requestStop(CHANNEL, null, T0.plusSeconds(1));
              return s.leases().stopRequested("A").size() + "," + s.leases().stopRequested("B").size();
            }, "1,0"),
        new Case("stop for another stream key: not matched",
            s -> s.leases().requestStop(CHANNEL, "arn:key/other", T0.plusSeconds(1)), false),
        new Case("stop for the holder's stream key: matched",
            s -> s.leases().requestStop(CHANNEL, "arn:key/a", T0.plusSeconds(1)), true),
        new Case("stop on an expired lease: nobody to stop",
            s -> s.leases().requestStop(CHANNEL, null, T0.plusSeconds(10)), false),
        new Case("reap a live lease: refused",
            s -> s.leases().reap(s.leaseA(), T0.plusSeconds(5)), false),
        new Case("reap an expired lease: exactly one of two survivors wins",
            s -> s.leases().reap(s.leaseA(), T0.plusSeconds(11)) + "," + s.leases().reap(s.leaseA(),
                T0.plusSeconds(11)), "true,false"),
        new Case("reap after a takeover: the new holder's lease is left alone",
            s -> {
              s.leases().claim(CHANNEL, "B", "st-b", T0.plusSeconds(11), TTL);
              return s.leases().reap(s.leaseA(), T0.plusSeconds(12));
            }, false),
        new Case("expired lists the dead node's lease once it is due",
            s -> s.leases().expired(T0.plusSeconds(9)).size() + "," + s.leases().expired(T0.plusSeconds(10)).size(),
            "0,1"),
        new Case("live lists it until then",
            s -> s.leases().live(T0.plusSeconds(9)).size() + "," + s.leases().live(T0.plusSeconds(10)).size(),
            "1,0"),
        new Case("release frees the channel at once",
            s -> {
              s.leases().release(s.leaseA());
              return s.leases().claim(CHANNEL, "B", "st-b", T0.plusSeconds(1), TTL).isPresent();
            }, true),
        new Case("release by a stale holder leaves the new lease",
            s -> {
              s.leases().claim(CHANNEL, "B", "st-b", T0.plusSeconds(11), TTL);
              s.leases().release(s.leaseA());
              return s.leases().find(CHANNEL).orElseThrow().nodeId();
            }, "B"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rule(Case rule) {
    PublisherLease leases = new InMemoryPublisherLease();
    Lease leaseA = leases.claim(CHANNEL, "A", "st-a", HOLDER_A, T0, TTL).orElseThrow();

    assertThat(rule.step().apply(new Setup(leases, leaseA))).isEqualTo(rule.expected());
  }
}

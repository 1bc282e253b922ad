package dev.onair.live.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.Channel;
import dev.onair.live.fakes.Fakes;
import dev.onair.live.ingest.IngestTicket;
import dev.onair.live.port.InMemoryLiveSessionRepository;
import dev.onair.live.port.InMemoryPublisherLease;
import dev.onair.live.port.PublisherLease;
import dev.onair.live.state.LiveStreamStateService;
import dev.onair.live.state.RecordingStarter;
import dev.onair.live.state.TestBroadcasts;
import dev.onair.ivs.IdGenerator;
import dev.onair.rtmp.session.MediaSink;
import dev.onair.rtmp.session.PublishRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which ticks write lease rows, as a table: two broadcasts admitted at T0 (TTL 10 s, so renewed every 3.33 s, on
 * the first tick at or after it), twelve ticks of one second, media arriving all along (health stays HEALTHY), and
 * what happens on some ticks. Whatever the history, a live broadcast's lease never comes within two thirds of the
 * TTL of expiring: another node can never take it over.
 */
class LeaseKeeperTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(10);
  private static final Channel ZERO = Fakes.channel("zero", true, "LOW", "TS", "", false);
  private static final Channel ONE = Fakes.channel("one", true, "LOW", "TS", "", false);
  private static final Channel LATE = Fakes.channel("late", true, "LOW", "TS", "", false);

  /**
   * @param writes "tick:rows" for each tick that wrote lease rows
   * @param polls ticks that read the stop flags
   * @param disconnected the channels disconnected, with the tick
   */
  record Case(String name, boolean shared, Map<Integer, Consumer<Env>> events, String writes, String polls,
      String disconnected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("embedded, steady: both rows renewed in one write every 4 ticks", false, Map.of(),
            "4:2 8:2 12:2", "", ""),
        new Case("embedded, a viewer joins: not written before the renewal (nobody else reads the row)", false,
            Map.of(2, env -> env.viewer(ZERO)), "4:2 8:2 12:2", "", ""),
        new Case("embedded, stop flag set: seen at each renewal until the publisher is gone, no polling", false,
            Map.of(2, env -> env.requestStop(ZERO)), "4:2 8:2 12:2", "", "4:zero 8:zero 12:zero"),
        new Case("embedded, lease taken away: lost at the renewal, not written again", false,
            Map.of(2, env -> env.steal(ZERO)), "4:2 8:1 12:1", "", "4:zero"),
        new Case("shared, steady: first figures at once, then renewals; stop flags read in between", true, Map.of(),
            "1:2 5:2 9:2", "2 3 4 6 7 8 10 11 12", ""),
        new Case("shared, a viewer joins: that row written in that tick; the next renewal takes both again", true,
            Map.of(2, env -> env.viewer(ZERO)), "1:2 2:1 5:2 9:2", "2 3 4 6 7 8 10 11 12", ""),
        new Case("embedded, zero ends and reconnects while its renewal is in flight: the new publisher stays", false,
            Map.of(4, env -> env.reconnectDuringWrite(ZERO)), "4:2 8:2 12:2", "", ""),
        new Case("embedded, one admitted 3 s after the others: its first renewal takes theirs along", false,
            Map.of(3, env -> env.admitLate()), "4:2 7:3 11:3", "", ""),
        new Case("shared, stop flag set between writes: seen by the next tick's poll", true,
            Map.of(2, env -> env.requestStop(ONE)), "1:2 5:2 9:2", "2 3 4 6 7 8 10 11 12",
            "2:one 3:one 4:one 5:one 6:one 7:one 8:one 9:one 10:one 11:one 12:one"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void writesOnlyWhatIsDue(Case c) {
    Env env = new Env(c.shared());
    List<String> writes = new ArrayList<>();
    List<String> polls = new ArrayList<>();
    List<String> disconnected = new ArrayList<>();
    env.keeper.onStop(arn -> disconnected.add(env.tick + ":" + (arn.equals(ZERO.arn()) ? "zero" : "one")));

    for (env.tick = 1; env.tick <= 12; env.tick++) {
      env.clock.now = T0.plusSeconds(env.tick);
      env.sinks.forEach(s -> s.onAudio(env.tick * 1000L, new byte[16]));
      Optional.ofNullable(c.events().get(env.tick)).ifPresent(e -> e.accept(env));
      env.counting.rows = -1;
      env.counting.polled = false;
      env.keeper.heartbeat(env.state.broadcasts());
      if (env.counting.rows >= 0) {
        writes.add(env.tick + ":" + env.counting.rows);
      }
      if (env.counting.polled) {
        polls.add(String.valueOf(env.tick));
      }
      for (Channel channel : List.of(ZERO, ONE)) {
        if (env.keeper.holds(channel.arn(), env.streamIds.get(channel == ZERO ? 0 : 1))) {
          assertThat(env.leases.find(channel.arn()).orElseThrow().expiresAt())
              .isAfterOrEqualTo(env.clock.now.plus(TTL.multipliedBy(2).dividedBy(3)).minusSeconds(1));
          assertThat(env.leases.claim(channel.arn(), "B", "st-b", env.clock.now, TTL)).isEmpty();
        }
      }
    }

    assertThat(String.join(" ", writes)).isEqualTo(c.writes());
    assertThat(String.join(" ", polls)).isEqualTo(c.polls());
    assertThat(String.join(" ", disconnected)).isEqualTo(c.disconnected());
  }

  /** Node A with its two broadcasts, and levers other nodes would pull. */
  static final class Env {
    final MutableClock clock = new MutableClock(T0);
    final InMemoryPublisherLease leases = new InMemoryPublisherLease();
    final CountingLease counting = new CountingLease(leases);
    final LeaseKeeper keeper;
    final LiveStreamStateService state;
    final List<MediaSink> sinks = new ArrayList<>();
    final List<String> streamIds = new ArrayList<>();
    int tick;

    Env(boolean shared) {
      keeper = new LeaseKeeper(new LiveCluster("A", () -> "a:8080", counting, TTL, null, shared), clock);
      state = new LiveStreamStateService(new InMemoryLiveSessionRepository(), RecordingStarter.none(),
          LiveStreamStateService::defaultSegmenterConfig, new IdGenerator(), clock, keeper);
      for (Channel channel : List.of(ZERO, ONE)) {
        sinks.add(state.create(new PublishRequest("app", "key", "", "127.0.0.1:1",
            new IngestTicket(channel, channel.arn().replace(":channel/", ":stream-key/"), false)),
            TestBroadcasts.connectedHandle()));
        streamIds.add(state.broadcast(channel.arn()).orElseThrow().streamId());
      }
    }

    /** A third broadcast, admitted now. */
    void admitLate() {
      sinks.add(state.create(new PublishRequest("app", "key", "", "127.0.0.1:1",
          new IngestTicket(LATE, LATE.arn().replace(":channel/", ":stream-key/"), false)),
          TestBroadcasts.connectedHandle()));
    }

    /**
     * The next lease write finds the channel's broadcast ended (its end written on the session-writes lane, the
     * lease released) and a new publisher admitted on it: the write carries the old lease, which is gone.
     */
    void reconnectDuringWrite(Channel channel) {
      int index = channel == ZERO ? 0 : 1;
      counting.beforeWrite = () -> {
        sinks.get(index).onEnd();
        sinks.set(index, state.create(new PublishRequest("app", "key", "", "127.0.0.1:1",
            new IngestTicket(channel, channel.arn().replace(":channel/", ":stream-key/"), false)),
            TestBroadcasts.connectedHandle()));
        streamIds.set(index, state.broadcast(channel.arn()).orElseThrow().streamId());
      };
    }

    void viewer(Channel channel) {
      state.broadcast(channel.arn()).orElseThrow().viewers().touch("viewer-1", clock.millis());
    }

    void requestStop(Channel channel) {
      assertThat(leases.requestStop(channel.arn(), null, clock.instant())).isTrue();
    }

    /** Another node reaped the lease (as after missed renewals) and claimed the channel. */
    void steal(Channel channel) {
      PublisherLease.Lease lease = leases.find(channel.arn()).orElseThrow();
      leases.release(lease);
      leases.claim(channel.arn(), "B", "st-b", clock.instant(), TTL).orElseThrow();
    }

  }

  /** The in-memory leases, counting the rows each heartbeat writes and whether stop flags were read. */
  static final class CountingLease implements PublisherLease {
    private final PublisherLease delegate;
    int rows = -1;
    boolean polled;
    Runnable beforeWrite;

    CountingLease(PublisherLease delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<Renewal> heartbeatAll(List<Beat> beats, Instant now, Duration ttl) {
      rows = Math.max(rows, 0) + beats.size();
      if (beforeWrite != null) {
        Runnable hook = beforeWrite;
        beforeWrite = null;
        hook.run();
      }
      return delegate.heartbeatAll(beats, now, ttl);
    }

    @Override
    public List<Lease> stopRequested(String nodeId) {
      polled = true;
      return delegate.stopRequested(nodeId);
    }

    @Override
    public Optional<Lease> claim(String channelArn, String nodeId, String sessionId, Holder holder, Instant now,
        Duration ttl) {
      return delegate.claim(channelArn, nodeId, sessionId, holder, now, ttl);
    }

    @Override
    public boolean renew(Lease lease, Instant now, Duration ttl) {
      return delegate.renew(lease, now, ttl);
    }

    @Override
    public Renewal heartbeat(Lease lease, Instant now, Duration ttl, String health, long viewerCount) {
      return delegate.heartbeat(lease, now, ttl, health, viewerCount);
    }

    @Override
    public boolean requestStop(String channelArn, String streamKeyArn, Instant now) {
      return delegate.requestStop(channelArn, streamKeyArn, now);
    }

    @Override
    public void release(Lease lease) {
      delegate.release(lease);
    }

    @Override
    public Optional<Lease> find(String channelArn) {
      return delegate.find(channelArn);
    }

    @Override
    public Optional<LeaseState> state(String channelArn) {
      return delegate.state(channelArn);
    }

    @Override
    public List<LeaseState> live(Instant now) {
      return delegate.live(now);
    }

    @Override
    public List<Lease> expired(Instant now) {
      return delegate.expired(now);
    }

    @Override
    public boolean reap(Lease lease, Instant now) {
      return delegate.reap(lease, now);
    }
  }

  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
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
      return now;
    }
  }
}

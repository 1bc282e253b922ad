package dev.onair.live.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.StreamEvent;
import dev.onair.live.fakes.Fakes;
import dev.onair.live.port.InMemoryLiveSessionRepository;
import dev.onair.live.port.InMemoryPublisherLease;
import dev.onair.live.port.InMemoryRecordingRepository;
import dev.onair.live.port.PublisherLease;
import dev.onair.live.port.PublisherLease.Holder;
import dev.onair.live.port.RecordingRecord;
import dev.onair.live.recording.RecordingRecovery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Takeover after node death, as a table: node A's broadcast (lease claimed at T0, TTL 10 s, session and recording
 * open) seen by a surviving node's sweep at various moments.
 */
class OrphanReaperTest {
  private static final String CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/abc";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(10);

  enum History { SILENT, RENEWED_AT_8S, RELEASED, TAKEN_OVER }

  static Stream<Arguments> sweeps() {
    return Stream.of(
        // history, sweep at (s after T0), expect the session ended and the recording failed
        Arguments.of(History.SILENT, 9, false),
        Arguments.of(History.SILENT, 10, true),
        Arguments.of(History.SILENT, 11, true),
        Arguments.of(History.RENEWED_AT_8S, 11, false),
        Arguments.of(History.RENEWED_AT_8S, 18, true),
        // a clean end releases the lease: nothing left for a survivor (the holder closed its own session)
        Arguments.of(History.RELEASED, 30, false),
        // another node took the expired lease over for a new broadcast: the old session is not reaped here
        Arguments.of(History.TAKEN_OVER, 12, false));
  }

  @org.junit.jupiter.api.Test
  void recordingContinuedByTheDeadBroadcast_isFailedToo_butNotOneWaitingForAReconnect() {
    PublisherLease leases = new InMemoryPublisherLease();
    InMemoryLiveSessionRepository sessions = new InMemoryLiveSessionRepository();
    InMemoryRecordingRepository recordings = new InMemoryRecordingRepository();
    leases.claim(CHANNEL, "A", "st-a", new Holder("a:8080", "key", T0), T0, TTL).orElseThrow();
    sessions.create(CHANNEL, "st-a", T0);
    // Started by an earlier broadcast st-0, continued by st-a within the reconnect window.
    recordings.create(new RecordingRecord("merged", CHANNEL, "st-0", "bucket", "prefix", T0.minusSeconds(60), "TS",
        null, 0, 0, 0, null, RecordingRecord.STARTED, null));
    // A recording of the channel waiting out its window on another node (endedAt set) is not this broadcast's.
    recordings.create(new RecordingRecord("waiting", CHANNEL, "st-w", "bucket", "prefix2", T0.minusSeconds(30), "TS",
        null, 0, 0, 0, null, RecordingRecord.STARTED, T0.minusSeconds(5)));
    Clock at = Clock.fixed(T0.plusSeconds(11), ZoneOffset.UTC);
    OrphanReaper survivor = new OrphanReaper(leases, sessions, recordings,
        new RecordingRecovery(recordings, new Fakes.Objects(), at), at);

    assertThat(survivor.sweep()).isEqualTo(1);
    assertThat(recordings.find("merged").orElseThrow().status()).isEqualTo(RecordingRecord.FAILED);
    assertThat(recordings.find("waiting").orElseThrow().status()).isEqualTo(RecordingRecord.STARTED);
  }

  @ParameterizedTest(name = "waiting since T0, sweep at T0+{0}s -> finalised {1}")
  @MethodSource("abandoned")
  void recordingWaitingForAReconnect_isFinalisedOnlyWhenItsNodeCannotHaveDoneIt(int sweepAfter, boolean finalised) {
    InMemoryRecordingRepository recordings = new InMemoryRecordingRepository();
    recordings.create(new RecordingRecord("waiting", CHANNEL, "st-w", "bucket", "prefix", T0.minusSeconds(30), "TS",
        null, 0, 0, 0, null, RecordingRecord.STARTED, T0));
    Clock at = Clock.fixed(T0.plusSeconds(sweepAfter), ZoneOffset.UTC);
    Fakes.Objects objects = new Fakes.Objects();
    new OrphanReaper(new InMemoryPublisherLease(), new InMemoryLiveSessionRepository(), recordings,
        new RecordingRecovery(recordings, objects, at), at).sweep();
    assertThat(recordings.find("waiting").orElseThrow().status())
        .isEqualTo(finalised ? RecordingRecord.ENDED : RecordingRecord.STARTED);
    assertThat(objects.keys()).hasSize(finalised ? 1 : 0);
  }

  static Stream<Arguments> abandoned() {
    return Stream.of(Arguments.of(300, false), Arguments.of(360, false), Arguments.of(361, true));
  }

  @ParameterizedTest(name = "{0}, sweep at T0+{1}s -> ended {2}")
  @MethodSource("sweeps")
  void sweep(History history, int sweepAfterSeconds, boolean ended) {
    PublisherLease leases = new InMemoryPublisherLease();
    InMemoryLiveSessionRepository sessions = new InMemoryLiveSessionRepository();
    InMemoryRecordingRepository recordings = new InMemoryRecordingRepository();
    var lease = leases.claim(CHANNEL, "A", "st-a", new Holder("a:8080", "key", T0), T0, TTL).orElseThrow();
    sessions.create(CHANNEL, "st-a", T0);
    recordings.create(new RecordingRecord("rec1", CHANNEL, "st-a", "bucket", "prefix", T0, "TS", null, 0, 0, 0,
        null, RecordingRecord.STARTED, null));
    switch (history) {
      case RENEWED_AT_8S -> leases.heartbeat(lease, T0.plusSeconds(8), TTL, "HEALTHY", 0);
      case RELEASED -> leases.release(lease);
      case TAKEN_OVER -> leases.claim(CHANNEL, "C", "st-c", T0.plusSeconds(11), TTL);
      case SILENT -> { }
    }
    Clock at = Clock.fixed(T0.plusSeconds(sweepAfterSeconds), ZoneOffset.UTC);
    OrphanReaper survivor = new OrphanReaper(leases, sessions, recordings,
        new RecordingRecovery(recordings, new Fakes.Objects(), at), at);

    int reaped = survivor.sweep();

    assertThat(reaped).isEqualTo(ended ? 1 : 0);
    var session = sessions.find(CHANNEL, "st-a").orElseThrow();
    assertThat(session.endTime() != null).isEqualTo(ended);
    assertThat(recordings.find("rec1").orElseThrow().status())
        .isEqualTo(ended ? RecordingRecord.FAILED : RecordingRecord.STARTED);
    if (ended) {
      assertThat(session.truncatedEvents()).extracting(StreamEvent::name)
          .contains("Recording End Failure", "Stream End", "Session Ended");
      assertThat(session.hasErrorEvent()).isTrue();
      // a second survivor sweeping at the same moment finds nothing left to do
      assertThat(survivor.sweep()).isZero();
    }
  }
}

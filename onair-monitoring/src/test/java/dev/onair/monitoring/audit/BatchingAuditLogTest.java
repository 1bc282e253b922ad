package dev.onair.monitoring.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Deterministic: the background writer is never started; {@link BatchingAuditLog#flush} writes. */
class BatchingAuditLogTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  /** Records each recordAll call as one batch. */
  private static class BatchRecorder implements AuditLog {
    final List<List<AuditEvent>> batches = new ArrayList<>();

    @Override
    public void record(AuditEvent event) {
      batches.add(List.of(event));
    }

    @Override
    public void recordAll(List<AuditEvent> events) {
      batches.add(List.copyOf(events));
    }

    @Override
    public List<AuditEvent> lookup(AuditQuery query) {
      return batches.stream().flatMap(List::stream).toList();
    }

    @Override
    public int expire(Instant cutoff) {
      return 0;
    }
  }

  static Stream<Arguments> cases() {
    // events recorded, capacity, max batch -> batch sizes written, drops
    return Stream.of(
        Arguments.of(0, 10, 4, List.of(), 0),
        Arguments.of(1, 10, 4, List.of(1), 0),
        Arguments.of(4, 10, 4, List.of(4), 0),
        Arguments.of(9, 10, 4, List.of(4, 4, 1), 0),
        Arguments.of(10, 10, 4, List.of(4, 4, 2), 0),
        Arguments.of(13, 10, 4, List.of(4, 4, 2), 3),
        Arguments.of(5, 1, 500, List.of(1), 4));
  }

  @ParameterizedTest(name = "{0} events, capacity {1}, batch {2}")
  @MethodSource("cases")
  void flushWritesQueuedEventsInOrderedBatchesAndCountsDrops(
      int events, int capacity, int maxBatch, List<Integer> batchSizes, int drops) {
    BatchRecorder storage = new BatchRecorder();
    BatchingAuditLog log = new BatchingAuditLog(storage, capacity, maxBatch);
    IntStream.range(0, events).forEach(i -> log.record(event(i)));

    assertThat(storage.batches).as("nothing is written on the request path").isEmpty();
    assertThat(log.flush()).isEqualTo(Math.min(events, capacity));

    assertThat(storage.batches).extracting(List::size).containsExactlyElementsOf(batchSizes);
    assertThat(log.droppedCount()).isEqualTo(drops);
    List<String> written = storage.batches.stream().flatMap(List::stream).map(AuditEvent::eventId).toList();
    assertThat(written).as("first come, first written; overflow drops the newest")
        .containsExactlyElementsOf(IntStream.range(0, Math.min(events, capacity)).mapToObj(i -> "e" + i).toList());
    assertThat(log.pending()).isZero();
  }

  @Test
  void lookupSeesEventsRecordedBeforeIt() {
    BatchRecorder storage = new BatchRecorder();
    BatchingAuditLog log = new BatchingAuditLog(storage, 10, 10);
    log.record(event(1));
    log.record(event(2));

    assertThat(log.lookup(null)).extracting(AuditEvent::eventId).containsExactly("e1", "e2");
  }

  @Test
  void closeWritesWhatIsStillQueued() {
    BatchRecorder storage = new BatchRecorder();
    BatchingAuditLog log = new BatchingAuditLog(storage, 10, 10);
    log.recordAll(List.of(event(1), event(2), event(3)));

    log.close();

    assertThat(storage.batches).extracting(List::size).containsExactly(3);
  }

  @Test
  void recordNeverTouchesStorageSoItsFailureCannotReachTheCall() {
    AuditLog failing = new BatchRecorder() {
      @Override
      public void recordAll(List<AuditEvent> events) {
        throw new IllegalStateException("database down");
      }
    };
    BatchingAuditLog log = new BatchingAuditLog(failing, 10, 10);

    log.record(event(1));

    assertThat(log.pending()).isEqualTo(1);
  }

  private static AuditEvent event(int i) {
    return new AuditEvent("e" + i, T0.plusSeconds(i), "req-" + i, "123456789012",
        "arn:aws:iam::123456789012:user/alice", "AIDA", "IAMUser", "alice", "AKIAEXAMPLE",
        "ivs:GetChannel", List.of(), "127.0.0.1", "test", "us-west-2", Decision.ALLOW, null, null);
  }
}

package dev.onair.monitoring.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the audit trail off the request path: {@link #record} only enqueues, and one background thread writes
 * what has queued up in batches (one transaction per batch instead of one commit per API call, which with
 * durable commits was the largest single cost of a read-only call).
 *
 * <p>Guarantees: the queue is bounded, so a stalled database cannot exhaust memory; when it is full the event is
 * dropped, counted ({@link #droppedCount}) and logged once, and the call itself is unaffected, as before, when the insert
 * failed. An acknowledged API write never waits for, or depends on, its audit row. Events still queued at a
 * SIGKILL are lost (under steady load the last 200 ms, {@link #LINGER_NANOS}, and a batch being written; never more
 * than the queue's capacity); {@link #close} writes them on an orderly stop. {@link #lookup}
 * writes the queue first, so LookupEvents on the node that served a call sees it.
 */
public final class BatchingAuditLog implements AuditLog, AutoCloseable {
  /** About two seconds of the busiest signed reads (~10,000 audited calls/s): ten lingers of headroom. */
  public static final int DEFAULT_CAPACITY = 20_000;
  /** One linger's worth at ~10,000 calls/s, so a busy writer still commits once per wake-up. */
  public static final int MAX_BATCH = 2_000;
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  /**
   * The pause after a written batch. An H2 commit re-serialises every page the batch dirtied (the partly filled
   * right-hand leaves of the table and its two indexes are written again at each commit), so its cost is mostly
   * per commit: 200 ms instead of 50 ms makes a quarter of the commits for the same events. It is also the most a
   * SIGKILL can lose under steady load (plus one write in progress); an orderly stop writes everything.
   */
  static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  private static final Logger LOG = LoggerFactory.getLogger(BatchingAuditLog.class);

  private final AuditLog delegate;
  private final BlockingQueue<AuditEvent> queue;
  private final int maxBatch;
  private final LongAdder dropped = new LongAdder();
  private final AtomicBoolean dropLogged = new AtomicBoolean();
  // one writer at a time, so batches reach storage in the order they were queued
  private final Object writeLock = new Object();
  private volatile boolean running;
  private volatile boolean idle;
  private volatile Thread writer;

  public BatchingAuditLog(AuditLog delegate, int capacity, int maxBatch) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    if (capacity < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("capacity and maxBatch must be positive");
    }
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
  }

  /** Starts the background writer. Without it (unit tests) events are written by {@link #flush} only. */
  public synchronized BatchingAuditLog start() {
    if (writer == null) {
      running = true;
      Thread thread = new Thread(this::writeLoop, "onair-audit-writer");
      thread.setDaemon(true);
      writer = thread;
      thread.start();
    }
    return this;
  }

  @Override
  public void record(AuditEvent event) {
    if (queue.offer(event)) {
      Thread sleeping = writer;
      if (idle && sleeping != null) {
        LockSupport.unpark(sleeping);
      }
      return;
    }
    dropped.increment();
    if (dropLogged.compareAndSet(false, true)) {
      LOG.warn("audit queue full ({} events): dropping audit events until the database keeps up;"
          + " onair_audit_events_dropped counts them (logged once)", queue.size());
    }
  }

  @Override
  public void recordAll(List<AuditEvent> events) {
    events.forEach(this::record);
  }

  /** Writes everything queued so far, in batches of at most maxBatch; returns the number of events written. */
  public int flush() {
    int written = 0;
    synchronized (writeLock) {
      List<AuditEvent> batch = new ArrayList<>(maxBatch);
      while (queue.drainTo(batch, maxBatch) > 0) {
        delegate.recordAll(List.copyOf(batch));
        written += batch.size();
        batch.clear();
      }
    }
    return written;
  }

  /** Events dropped because the queue was full, since start. */
  public long droppedCount() {
    return dropped.sum();
  }

  /** Events waiting to be written. */
  public int pending() {
    return queue.size();
  }

  @Override
  public List<AuditEvent> lookup(AuditQuery query) {
    flush();
    return delegate.lookup(query);
  }

  @Override
  public int expire(Instant cutoff) {
    return delegate.expire(cutoff);
  }

  private void writeLoop() {
    while (running) {
      try {
        // drains under the write lock (never holding an event outside the queue), so lookup's flush cannot
        // miss an event that the writer has taken but not yet written
        if (flush() > 0) {
          // let the next batch build up: with durable commits H2's cost is per commit (and grows with the number
          // of small chunks written), so fewer, larger batches are what keeps the writer cheap under load
          LockSupport.parkNanos(LINGER_NANOS);
          continue;
        }
        idle = true;
        if (queue.isEmpty() && running) {
          // parks rather than being interrupted: an interrupt during H2 file I/O closes the database's channel
          LockSupport.parkNanos(IDLE_PARK_NANOS);
        }
        idle = false;
      } catch (RuntimeException e) {
        // the storage implementations' recordAll does not throw; this keeps the writer alive if one does
        LOG.error("audit writer: batch failed", e);
      }
    }
  }

  /** Stops the writer and writes what is still queued (an orderly shutdown loses no event). */
  @Override
  public void close() {
    Thread stopping;
    synchronized (this) {
      running = false;
      stopping = writer;
      writer = null;
    }
    if (stopping != null) {
      LockSupport.unpark(stopping);
      try {
        stopping.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flush();
  }
}

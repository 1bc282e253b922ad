package dev.onair.fuzz;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Runs one parse of one input the way the server would and judges it: on a thread with the JVM's default stack
 * (as the server's worker and event-loop threads have), within {@link FuzzSettings#PER_INPUT_TIMEOUT} (so a hang
 * fails the property instead of blocking the build), allocating at most {@link Limit} for the input's size, and
 * ending in a value or the parser's documented client error. Anything else (NullPointerException,
 * ArrayIndexOutOfBounds, ClassCast, StackOverflowError, OutOfMemoryError…) fails with the input printed.
 */
final class Bounded {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static ExecutorService worker = newWorker();

  private Bounded() {}

  /**
   * The fixed allowance every limit starts from: the first input that reaches an error path loads and initialises
   * its classes on the parsing thread (4.4 MB for Jackson's first parse error), which says nothing of the input.
   */
  static final long FIRST_USE = 16L << 20;

  /** Bytes one input may allocate: a fixed allowance plus so many bytes per input byte. */
  record Limit(long fixedBytes, long perInputByte) {
    long of(int inputLength) {
      return fixedBytes + perInputByte * inputLength;
    }
  }

  private record Run(Object value, Throwable failure, long nanos, long allocated) {}

  /**
   * @param input shown when the input fails (bytes, or text for text parsers)
   * @param documented the client errors the parser is documented to throw
   * @return the value parsed, or null when the input was refused with a documented error
   */
  static Object parse(Object input, int inputLength, Limit limit, Callable<?> parse,
      Predicate<Throwable> documented) {
    Future<Run> future = worker().submit(() -> {
      long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      Object value = null;
      Throwable failure = null;
      try {
        value = parse.call();
      } catch (Throwable t) {
        failure = t;
      }
      return new Run(value, failure, System.nanoTime() - start,
          THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore);
    });
    Run run;
    try {
      run = future.get(FuzzSettings.PER_INPUT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      abandonWorker();
      throw new AssertionError("hang: no result within " + FuzzSettings.PER_INPUT_TIMEOUT.toSeconds() + " s for "
          + Printable.of(input));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("the harness failed", e.getCause());
    }
    boolean refused = run.failure() != null;
    FuzzStats.record(refused, run.nanos(), run.allocated(), inputLength);
    if (refused && !documented.test(run.failure())) {
      throw new AssertionError("undocumented " + run.failure() + " for " + Printable.of(input), run.failure());
    }
    if (run.allocated() > limit.of(inputLength)) {
      throw new AssertionError("allocated " + run.allocated() + " bytes (limit " + limit.of(inputLength) + " for "
          + inputLength + " input bytes) for " + Printable.of(input));
    }
    return run.value();
  }

  private static synchronized ExecutorService worker() {
    return worker;
  }

  /** A hung parse keeps its thread; the next input gets a fresh one. */
  private static synchronized void abandonWorker() {
    worker.shutdownNow();
    worker = newWorker();
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "fuzz-parser");
      thread.setDaemon(true);
      return thread;
    });
  }
}

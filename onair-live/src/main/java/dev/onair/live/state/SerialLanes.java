package dev.onair.live.state;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a shared executor, one at a time and in submission order per key (a channel): a broadcast's
 * session writes leave the RTMP event loop, yet land in the order its events happened. Keys are independent; an
 * idle key holds no memory.
 */
final class SerialLanes {
  private static final Logger LOG = LoggerFactory.getLogger(SerialLanes.class);

  private final Executor executor;
  private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  /** @param executor when it refuses a task (shut down), the task runs on the submitting thread instead */
  SerialLanes(Executor executor) {
    requireNonNull(executor, "executor is null");
    this.executor = task -> {
      try {
        executor.execute(task);
      } catch (RejectedExecutionException e) {
        task.run();
      }
    };
  }

  /** Queues the task behind the key's earlier ones; a failing task is logged and does not stop the lane. */
  void submit(String key, Runnable task) {
    @SuppressWarnings("unchecked")
    CompletableFuture<Void>[] added = new CompletableFuture[1];
    tails.compute(key, (k, tail) -> {
      CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
      added[0] = previous.thenRunAsync(() -> run(k, task), executor);
      return added[0];
    });
    // Outside compute: with a direct executor the future is already complete and this runs at once.
    added[0].whenComplete((ignored, failure) -> {
      tails.remove(key, added[0]);
      if (failure != null) {
        LOG.warn("session writes of {} not run", key, failure);
      }
    });
  }

  /** Waits until every task submitted for the key so far has run (or could not be run). */
  void awaitIdle(String key) {
    CompletableFuture<Void> tail = tails.get(key);
    if (tail != null) {
      tail.exceptionally(e -> null).join();
    }
  }

  private static void run(String key, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("a session write of {} failed", key, e);
    }
  }
}

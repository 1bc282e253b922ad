package dev.onair.hls.segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Pending blocking-reload and preload-hint requests. Registration and publication share one lock
 * so a request can never miss the snapshot that satisfies it.
 */
final class ReloadWaiters {
  private record Waiter(long msn, int part, CompletableFuture<SegmentWindow> future) {}

  private final List<Waiter> waiters = new ArrayList<>();

  CompletableFuture<SegmentWindow> await(Supplier<SegmentWindow> current, long msn, int part, Duration timeout) {
    CompletableFuture<SegmentWindow> future = new CompletableFuture<>();
    synchronized (this) {
      SegmentWindow window = current.get();
      if (window.satisfies(msn, part)) {
        future.complete(window);
        return future;
      }
      waiters.add(new Waiter(msn, part, future));
    }
    future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    future.whenComplete((window, error) -> {
      if (error != null) {
        remove(future);
      }
    });
    return future;
  }

  /** Completes every waiter the new snapshot satisfies. Futures complete on this thread. */
  void publish(SegmentWindow window) {
    List<CompletableFuture<SegmentWindow>> ready = new ArrayList<>();
    synchronized (this) {
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter waiter = it.next();
        if (waiter.future().isDone()) {
          it.remove();
        } else if (window.satisfies(waiter.msn(), waiter.part())) {
          it.remove();
          ready.add(waiter.future());
        }
      }
    }
    // Outside the lock: completion runs dependent stages, which may call back into us.
    ready.forEach(f -> f.complete(window));
  }

  synchronized int size() {
    return waiters.size();
  }

  private synchronized void remove(CompletableFuture<SegmentWindow> future) {
    waiters.removeIf(w -> w.future() == future);
  }
}

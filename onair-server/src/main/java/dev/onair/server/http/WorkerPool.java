package dev.onair.server.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool that runs request handlers. Bounded twice (threads and queue) so that overload turns into
 * 503 answers instead of unbounded memory growth.
 */
public final class WorkerPool {
  private WorkerPool() {}

  public static ExecutorService create(int threads, int queueCapacity) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "onair-worker-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queueCapacity),
        factory,
        new ThreadPoolExecutor.AbortPolicy());
  }
}

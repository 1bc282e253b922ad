package dev.onair.server.wiring;

import dev.onair.iam.auth.CoalescingCredentialResolver;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes coalesced access-key (and role) last use every {@code interval} and once more on close. The interval is
 * the documented bound (ARCHITECTURE "Scale-out"): other nodes, and this one after a SIGKILL, see a last use at
 * most that much older than the real one. Registered after the database so that it closes before it.
 */
public final class LastUseFlusher implements AutoCloseable {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(LastUseFlusher.class);

  private final CoalescingCredentialResolver resolver;
  private final ScheduledExecutorService executor;

  private LastUseFlusher(CoalescingCredentialResolver resolver, ScheduledExecutorService executor) {
    this.resolver = resolver;
    this.executor = executor;
  }

  public static LastUseFlusher start(CoalescingCredentialResolver resolver, Duration interval) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "onair-last-use");
      thread.setDaemon(true);
      return thread;
    });
    LastUseFlusher flusher = new LastUseFlusher(resolver, executor);
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(flusher::flush, millis, millis, TimeUnit.MILLISECONDS);
    return flusher;
  }

  private void flush() {
    try {
      CoalescingCredentialResolver.Flushed flushed = resolver.flush();
      if (flushed.failed() > 0) {
        LOG.warn("could not write last use of {} access key(s); retrying at the next flush",
            flushed.failed(), flushed.firstFailure());
      }
    } catch (RuntimeException e) {
      // an exception escaping a scheduled task would cancel its later runs
      LOG.warn("last-use flush failed", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    // shutdown, not shutdownNow: an interrupt during H2 file I/O closes the database's channel
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
    flush();
  }
}

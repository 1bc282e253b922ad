package dev.onair.server.wiring;

import dev.onair.monitoring.Monitoring;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the monitoring jobs (metric flush, alarm evaluation, retention) on one daemon thread, and a job that asks
 * for it (quota refresh) on a daemon thread of its own. Closing it stops the
 * jobs and writes the metric buckets still in memory, which must happen before the database closes, so the
 * composition root registers it after the database.
 */
public final class MonitoringScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MonitoringScheduler.class);

  private final List<ScheduledExecutorService> executors;
  private final Monitoring monitoring;

  private MonitoringScheduler(List<ScheduledExecutorService> executors, Monitoring monitoring) {
    this.executors = executors;
    this.monitoring = monitoring;
  }

  private static ScheduledExecutorService executor(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, threadName);
          thread.setDaemon(true);
          return thread;
        });
  }

  public static MonitoringScheduler start(Monitoring monitoring) {
    ScheduledExecutorService shared = executor("onair-monitoring");
    List<ScheduledExecutorService> executors = new ArrayList<>();
    executors.add(shared);
    for (Monitoring.Job job : monitoring.jobs()) {
      ScheduledExecutorService executor = shared;
      if (job.ownThread()) {
        executor = executor("onair-monitoring-" + job.name());
        executors.add(executor);
      }
      long millis = job.interval().toMillis();
      // An exception escaping a fixed-delay task cancels its later runs, so each run is guarded.
      Runnable guarded =
          () -> {
            try {
              job.task().run();
            } catch (RuntimeException e) {
              LOG.warn("monitoring job {} failed", job.name(), e);
            }
          };
      executor.scheduleWithFixedDelay(guarded, millis, millis, TimeUnit.MILLISECONDS);
    }
    return new MonitoringScheduler(List.copyOf(executors), monitoring);
  }

  @Override
  public void close() throws InterruptedException {
    for (ScheduledExecutorService executor : executors) {
      executor.shutdownNow();
    }
    for (ScheduledExecutorService executor : executors) {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    }
    // the data plane closed before this (it was started after), so nothing records any more
    try {
      monitoring.flushPendingMetrics();
    } catch (RuntimeException e) {
      LOG.warn("could not write pending metrics at shutdown", e);
    }
  }
}

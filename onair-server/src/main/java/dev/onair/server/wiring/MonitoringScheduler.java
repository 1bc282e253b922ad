package dev.onair.server.wiring;

import dev.onair.monitoring.Monitoring;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the monitoring jobs (metric flush, alarm evaluation, retention) on one daemon thread. Closing it stops the
 * jobs, which must happen before the database closes, so the composition root registers it after the database.
 */
public final class MonitoringScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MonitoringScheduler.class);

  private final ScheduledExecutorService executor;

  private MonitoringScheduler(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  public static MonitoringScheduler start(Monitoring monitoring) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "onair-monitoring");
              thread.setDaemon(true);
              return thread;
            });
    for (Monitoring.Job job : monitoring.jobs()) {
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
    return new MonitoringScheduler(executor);
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}

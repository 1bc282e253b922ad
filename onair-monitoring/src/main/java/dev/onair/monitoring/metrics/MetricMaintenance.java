package dev.onair.monitoring.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

/**
 * Expires buckets past each tier's retention and forgets series with no data left. The composition root runs
 * {@link #run()} on a schedule (once a minute is plenty: the 1-second tier then holds at most 3h01m).
 */
public final class MetricMaintenance implements Runnable {
  private final MetricStore store;
  private final Clock clock;

  public MetricMaintenance(MetricStore store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public void run() {
    var now = clock.instant();
    for (Resolution resolution : Resolution.values()) {
      store.expire(resolution, resolution.oldestKept(now));
    }
    store.forgetSeries(now.minus(Resolution.FIVE_MINUTES.retention()));
  }
}

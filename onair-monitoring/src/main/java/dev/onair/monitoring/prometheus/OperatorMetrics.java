package dev.onair.monitoring.prometheus;

import static java.util.Objects.requireNonNull;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operator's metrics, by name, so the front door and the data plane record them without knowing the format:
 *
 * <ul>
 *   <li>{@code onair_api_requests_total{service,operation,status}} and {@code onair_api_request_duration_seconds}
 *   <li>{@code onair_authorization_decisions_total{service,decision}}
 *   <li>{@code onair_live_streams}, {@code onair_ingest_bitrate_bits_per_second{channel}}
 *   <li>JVM heap, threads, GC and uptime
 * </ul>
 */
public final class OperatorMetrics {
  private static final double[] LATENCY_BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final PrometheusRegistry registry;
  private final PrometheusRegistry.Counter requests;
  private final PrometheusRegistry.Histogram latency;
  private final PrometheusRegistry.Counter decisions;

  public OperatorMetrics(PrometheusRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
    this.requests =
        registry.counter(
            "onair_api_requests_total", "API requests by service, operation and HTTP status.",
            "service", "operation", "status");
    this.latency =
        registry.histogram(
            "onair_api_request_duration_seconds", "API request latency from receipt to response.",
            LATENCY_BUCKETS, "service", "operation");
    this.decisions =
        registry.counter(
            "onair_authorization_decisions_total", "Authorization decisions by service and outcome.",
            "service", "decision");
    registerJvm(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /** The front door calls this once per API request, after the response status is known. */
  public void requestCompleted(String service, String operation, int status, long durationNanos) {
    requests.inc(service, operation, statusText(status));
    latency.observe(durationNanos / 1e9, service, operation);
  }

  /** HTTP status codes as label values, made once rather than per request. */
  private static final String[] STATUS_TEXT = new String[600];

  static {
    for (int status = 100; status < STATUS_TEXT.length; status++) {
      STATUS_TEXT[status] = Integer.toString(status);
    }
  }

  static String statusText(int status) {
    return status >= 100 && status < STATUS_TEXT.length ? STATUS_TEXT[status] : Integer.toString(status);
  }

  /** @param decision {@code allow} or {@code deny} */
  public void authorizationDecision(String service, String decision) {
    decisions.inc(service, decision);
  }

  /** The data plane's figures, read on each scrape. */
  public void registerLiveStreams(Supplier<Integer> liveStreams, Supplier<Map<String, Double>> bitrateByChannel) {
    registry.gauge("onair_live_streams", "Channels currently receiving a stream.", () -> (double) liveStreams.get());
    registry.gauges(
        "onair_ingest_bitrate_bits_per_second",
        "Ingest bitrate of each live channel, all tracks.",
        () -> {
          Map<List<String>, Double> samples = new LinkedHashMap<>();
          bitrateByChannel.get().forEach((channel, bitrate) -> samples.put(List.of(channel), bitrate));
          return samples;
        },
        "channel");
  }

  private static void registerJvm(PrometheusRegistry registry) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    registry.gauges(
        "jvm_memory_used_bytes",
        "Used JVM memory by area.",
        () ->
            Map.of(
                List.of("heap"), (double) memory.getHeapMemoryUsage().getUsed(),
                List.of("nonheap"), (double) memory.getNonHeapMemoryUsage().getUsed()),
        "area");
    registry.gauge(
        "jvm_memory_max_bytes", "Maximum heap size.", () -> (double) memory.getHeapMemoryUsage().getMax());
    registry.gauge(
        "jvm_threads_live", "Live JVM threads.", () -> (double) ManagementFactory.getThreadMXBean().getThreadCount());
    registry.gauges(
        "jvm_gc_collection_seconds",
        "Time spent in garbage collection, by collector.",
        () -> {
          Map<List<String>, Double> samples = new LinkedHashMap<>();
          for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            samples.put(List.of(gc.getName()), gc.getCollectionTime() / 1000.0);
          }
          return samples;
        },
        "gc");
    registry.gauge(
        "process_uptime_seconds", "Time since the JVM started.",
        () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
  }
}

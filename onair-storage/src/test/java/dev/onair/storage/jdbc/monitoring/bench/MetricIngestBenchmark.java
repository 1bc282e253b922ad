package dev.onair.storage.jdbc.monitoring.bench;

import dev.onair.monitoring.metrics.Aggregate;
import dev.onair.monitoring.metrics.Bucket;
import dev.onair.monitoring.metrics.BucketWrite;
import dev.onair.monitoring.metrics.BufferingMetricPublisher;
import dev.onair.monitoring.metrics.IvsMetrics;
import dev.onair.monitoring.metrics.MetricDatum;
import dev.onair.monitoring.metrics.MetricIngest;
import dev.onair.monitoring.metrics.MetricKey;
import dev.onair.monitoring.metrics.Resolution;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.jdbc.monitoring.JdbcMetricStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of metric ingestion on the embedded H2 store (docs/BENCHMARKS.md "Metric ingestion cost").
 *
 * <p>{@code dataPlaneSecond}: one second of what {@code IngestMetricsReporter} publishes for {@code streams} live
 * channels (per channel: 4 metrics with Channel and Channel+Track dimensions, 4 with Channel only; account-wide:
 * 5 without dimensions and ConcurrentStreams by Health), recorded through the data plane's publisher and flushed
 * as the 1 s monitoring job does. The simulated clock advances one second per operation, so buckets roll over as
 * in a live run. Divide the time per operation by {@code streams * 12 + 6} for the cost per datum. {@code
 * -p flushEverySeconds=5} shows what writing the 1-second tier every 5 s instead of every second would save.
 *
 * <p>{@code putMetricData20}: one PutMetricData call with 20 values over 20 series, written durably.
 *
 * <p>Besides wall time per operation (which on a shared machine mostly measures waiting for a core), each
 * operation adds the process's CPU time to the {@code cpuMicros} counter and one to {@code ops}: CPU per
 * operation is their ratio, and includes H2's own threads.
 *
 * <p>Run: {@code bench/engines.sh}, or {@code java -cp onair-storage/target/test-classes:<deps>
 * org.openjdk.jmh.Main MetricIngestBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class MetricIngestBenchmark {
  private static final Instant START = Instant.parse("2026-11-30T00:00:00Z");
  private static final String TRACK_0 = "Track0";

  @Param({"10", "50"})
  public int streams;

  /** How often the flush runs, in simulated seconds (the server's metric-flush job: every second). */
  @Param({"1"})
  public int flushEverySeconds;

  /**
   * Seconds of 1-second history (and the matching minute and 5-minute buckets) written before measuring: B-tree
   * page rewrites on commit grow with what the table already holds, and a server keeps 3 hours of 1-second rows.
   */
  @Param({"3600"})
  public int historySeconds;

  private Path dataDir;
  private Database database;
  private SteppingClock clock;
  private MetricIngest ingest;
  private BufferingMetricPublisher publisher;
  private String[] channels;
  private long putCalls;
  private long seconds;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dataDir = Files.createTempDirectory("onair-metric-bench");
    // a file database with the server's URL settings (Database.h2Url: WRITE_DELAY=0 ...), as the server opens it
    database = Database.open(DatabaseSettings.embedded(dataDir));
    channels = new String[streams];
    for (int i = 0; i < streams; i++) {
      channels[i] = String.format("ch%010d", i);
    }
    JdbcMetricStore store = new JdbcMetricStore(database.jdbc());
    Instant first = START.minusSeconds(historySeconds);
    writeHistory(store, first);
    clock = new SteppingClock(START);
    ingest = new MetricIngest(store, clock, 50_000);
    publisher = new BufferingMetricPublisher(ingest, 100_000);
  }

  /** The data plane's series, with {@code historySeconds} of buckets before {@link #START}, 60 s per commit. */
  private void writeHistory(JdbcMetricStore store, Instant first) {
    List<MetricKey> keys = new ArrayList<>();
    for (String channelId : channels) {
      Map<String, String> channel = Map.of(IvsMetrics.CHANNEL, channelId);
      Map<String, String> track = Map.of(IvsMetrics.CHANNEL, channelId, IvsMetrics.TRACK, TRACK_0);
      for (String metric :
          List.of(IvsMetrics.INGEST_VIDEO_BITRATE, IvsMetrics.INGEST_AUDIO_BITRATE, IvsMetrics.INGEST_FRAMERATE,
              IvsMetrics.KEYFRAME_INTERVAL)) {
        keys.add(MetricKey.of(IvsMetrics.NAMESPACE, metric, channel));
        keys.add(MetricKey.of(IvsMetrics.NAMESPACE, metric, track));
      }
      for (String metric :
          List.of(IvsMetrics.INGEST_BITRATE, IvsMetrics.CONCURRENT_VIEWS, IvsMetrics.LIVE_INPUT_TIME,
              IvsMetrics.LIVE_DELIVERED_TIME)) {
        keys.add(MetricKey.of(IvsMetrics.NAMESPACE, metric, channel));
      }
    }
    for (String metric :
        List.of(IvsMetrics.INGEST_BITRATE, IvsMetrics.CONCURRENT_VIEWS, IvsMetrics.CONCURRENT_STREAMS,
            IvsMetrics.LIVE_INPUT_TIME, IvsMetrics.LIVE_DELIVERED_TIME)) {
      keys.add(MetricKey.of(IvsMetrics.NAMESPACE, metric, Map.of()));
    }
    keys.add(MetricKey.of(IvsMetrics.NAMESPACE, IvsMetrics.CONCURRENT_STREAMS, Map.of(IvsMetrics.HEALTH, "HEALTHY")));
    long from = first.getEpochSecond();
    for (long minute = from; minute < from + historySeconds; minute += 60) {
      List<BucketWrite> writes = new ArrayList<>();
      for (MetricKey key : keys) {
        for (long second = minute; second < Math.min(minute + 60, from + historySeconds); second++) {
          writes.add(new BucketWrite(key, Resolution.SECOND, new Bucket(second, Aggregate.of(3), "Count")));
        }
        writes.add(
            new BucketWrite(key, Resolution.MINUTE, new Bucket(Math.floorDiv(minute, 60) * 60, Aggregate.of(3),
                "Count")));
        writes.add(
            new BucketWrite(key, Resolution.FIVE_MINUTES, new Bucket(Math.floorDiv(minute, 300) * 300,
                Aggregate.of(3), "Count")));
      }
      store.mergeAll(writes, Instant.ofEpochSecond(minute + 59));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    database.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Process CPU time spent in measured operations (all threads: the benchmark's, H2's, the pool's). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    public long cpuMicros;
    public long ops;

    @Setup(Level.Iteration)
    public void reset() {
      cpuMicros = 0;
      ops = 0;
    }

    long start() {
      return OS.getProcessCpuTime();
    }

    void stop(long started) {
      cpuMicros += (OS.getProcessCpuTime() - started) / 1000;
      ops++;
    }
  }

  @Benchmark
  public void dataPlaneSecond(Cpu cpu) {
    long started = cpu.start();
    dataPlaneSecond();
    cpu.stop(started);
  }

  @Benchmark
  public void putMetricData20(Cpu cpu) {
    long started = cpu.start();
    putMetricData20();
    cpu.stop(started);
  }

  private void dataPlaneSecond() {
    Instant now = clock.step();
    for (String channelId : channels) {
      Map<String, String> channel = Map.of(IvsMetrics.CHANNEL, channelId);
      Map<String, String> track = Map.of(IvsMetrics.CHANNEL, channelId, IvsMetrics.TRACK, TRACK_0);
      put(IvsMetrics.INGEST_VIDEO_BITRATE, channel, track, 2_300_000, IvsMetrics.BITS_PER_SECOND, now);
      put(IvsMetrics.INGEST_AUDIO_BITRATE, channel, track, 128_000, IvsMetrics.BITS_PER_SECOND, now);
      put(IvsMetrics.INGEST_FRAMERATE, channel, track, 30, IvsMetrics.COUNT_PER_SECOND, now);
      put(IvsMetrics.KEYFRAME_INTERVAL, channel, track, 2, IvsMetrics.SECONDS, now);
      record(IvsMetrics.INGEST_BITRATE, channel, 2_428_000, IvsMetrics.BITS_PER_SECOND, now);
      record(IvsMetrics.CONCURRENT_VIEWS, channel, 3, IvsMetrics.COUNT, now);
      record(IvsMetrics.LIVE_INPUT_TIME, channel, 1, IvsMetrics.SECONDS, now);
      record(IvsMetrics.LIVE_DELIVERED_TIME, channel, 3, IvsMetrics.SECONDS, now);
    }
    Map<String, String> none = Map.of();
    record(IvsMetrics.INGEST_BITRATE, none, 2_428_000.0 * streams, IvsMetrics.BITS_PER_SECOND, now);
    record(IvsMetrics.CONCURRENT_VIEWS, none, 3 * streams, IvsMetrics.COUNT, now);
    record(IvsMetrics.CONCURRENT_STREAMS, none, streams, IvsMetrics.COUNT, now);
    record(IvsMetrics.LIVE_INPUT_TIME, none, streams, IvsMetrics.SECONDS, now);
    record(IvsMetrics.LIVE_DELIVERED_TIME, none, 3 * streams, IvsMetrics.SECONDS, now);
    record(IvsMetrics.CONCURRENT_STREAMS, Map.of(IvsMetrics.HEALTH, "HEALTHY"), streams, IvsMetrics.COUNT, now);
    if (++seconds % flushEverySeconds == 0) {
      publisher.flush();
    }
  }

  private void putMetricData20() {
    Instant now = clock.step();
    List<MetricDatum> data = new ArrayList<>(20);
    long call = putCalls++;
    for (int i = 0; i < 20; i++) {
      MetricKey key = MetricKey.of("Bench/App", "Latency", Map.of("Service", "svc" + i));
      data.add(new MetricDatum(key, now, Aggregate.of(call % 1000 + i), "Milliseconds"));
    }
    ingest.write(data);
  }

  private void put(
      String metric, Map<String, String> channel, Map<String, String> track, double value, String unit, Instant now) {
    record(metric, channel, value, unit, now);
    record(metric, track, value, unit, now);
  }

  private void record(String metric, Map<String, String> dimensions, double value, String unit, Instant now) {
    publisher.record(IvsMetrics.NAMESPACE, metric, dimensions, value, unit, now);
  }

  /** A clock that moves one second per operation, so every operation fills a new 1 s bucket. */
  private static final class SteppingClock extends Clock {
    private volatile Instant now;

    SteppingClock(Instant start) {
      this.now = start;
    }

    Instant step() {
      now = now.plusSeconds(1);
      return now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}

package dev.onair.monitoring.prometheus;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A small metrics registry that writes the Prometheus text exposition format (version 0.0.4). Written here rather
 * than taken from micrometer because Onair needs three metric kinds, labelled, and one output format; a few
 * hundred lines keep the dependency tree and the startup cost unchanged.
 *
 * <p>Label values come from Onair's own vocabulary (service, operation, status, channel id), never from request
 * content a client controls freely, so the number of series stays bounded.
 */
public final class PrometheusRegistry {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private final Map<String, Family> families = new LinkedHashMap<>();

  private abstract static class Family {
    final String name;
    final String help;
    final String type;
    final List<String> labelNames;

    Family(String name, String help, String type, String... labelNames) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("invalid metric name " + name);
      }
      this.name = name;
      this.help = requireNonNull(help, "help is null");
      this.type = type;
      this.labelNames = List.of(labelNames);
    }

    abstract void write(StringBuilder out);

    String labels(List<String> values, String extraName, String extraValue) {
      if (values.isEmpty() && extraName == null) {
        return "";
      }
      StringBuilder text = new StringBuilder("{");
      for (int i = 0; i < labelNames.size(); i++) {
        if (i > 0) {
          text.append(',');
        }
        text.append(labelNames.get(i)).append("=\"").append(escape(values.get(i))).append('"');
      }
      if (extraName != null) {
        if (!labelNames.isEmpty()) {
          text.append(',');
        }
        text.append(extraName).append("=\"").append(extraValue).append('"');
      }
      return text.append('}').toString();
    }

    List<String> checked(String... values) {
      if (values.length != labelNames.size()) {
        throw new IllegalArgumentException(name + " needs labels " + labelNames);
      }
      // one copy per update (List.of copies the array), which is all a key that outlives the call needs
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          String[] copy = values.clone();
          for (int j = i; j < copy.length; j++) {
            copy[j] = copy[j] == null ? "" : copy[j];
          }
          return List.of(copy);
        }
      }
      return List.of(values);
    }
  }

  /** A monotonically increasing count. */
  public static final class Counter extends Family {
    private final Map<List<String>, DoubleAdder> values = new ConcurrentHashMap<>();

    Counter(String name, String help, String... labelNames) {
      super(name, help, "counter", labelNames);
    }

    public void inc(String... labelValues) {
      add(1, labelValues);
    }

    public void add(double amount, String... labelValues) {
      if (amount < 0) {
        throw new IllegalArgumentException("a counter only goes up");
      }
      values.computeIfAbsent(checked(labelValues), key -> new DoubleAdder()).add(amount);
    }

    public double get(String... labelValues) {
      DoubleAdder adder = values.get(checked(labelValues));
      return adder == null ? 0 : adder.sum();
    }

    @Override
    void write(StringBuilder out) {
      values.forEach((labels, value) -> sample(out, name, labels(labels, null, null), value.sum()));
    }
  }

  /**
   * Observations counted into cumulative buckets, with their sum and count. An observation increments only the
   * first bucket it fits (one adder, not one per bound above it, on every API call); a scrape adds them up.
   */
  public static final class Histogram extends Family {
    private final double[] bounds;
    private final Map<List<String>, Cell> cells = new ConcurrentHashMap<>();

    private static final class Cell {
      final LongAdder[] buckets;
      final DoubleAdder sum = new DoubleAdder();
      final LongAdder count = new LongAdder();

      Cell(int size) {
        buckets = new LongAdder[size];
        for (int i = 0; i < size; i++) {
          buckets[i] = new LongAdder();
        }
      }
    }

    Histogram(String name, String help, double[] bounds, String... labelNames) {
      super(name, help, "histogram", labelNames);
      this.bounds = bounds.clone();
      Arrays.sort(this.bounds);
    }

    public void observe(double value, String... labelValues) {
      Cell cell = cells.computeIfAbsent(checked(labelValues), key -> new Cell(bounds.length));
      for (int i = 0; i < bounds.length; i++) {
        if (value <= bounds[i]) {
          cell.buckets[i].increment();
          break;
        }
      }
      cell.sum.add(value);
      cell.count.increment();
    }

    public long count(String... labelValues) {
      Cell cell = cells.get(checked(labelValues));
      return cell == null ? 0 : cell.count.sum();
    }

    @Override
    void write(StringBuilder out) {
      cells.forEach(
          (labels, cell) -> {
            long cumulative = 0;
            for (int i = 0; i < bounds.length; i++) {
              cumulative += cell.buckets[i].sum();
              sample(out, name + "_bucket", labels(labels, "le", format(bounds[i])), cumulative);
            }
            // an observation racing the scrape may be in its bucket but not yet in count: +Inf never goes below
            long count = Math.max(cell.count.sum(), cumulative);
            sample(out, name + "_bucket", labels(labels, "le", "+Inf"), count);
            sample(out, name + "_sum", labels(labels, null, null), cell.sum.sum());
            sample(out, name + "_count", labels(labels, null, null), count);
          });
    }
  }

  /** A value read when scraped, for each label combination the supplier reports. */
  private static final class Gauge extends Family {
    private final Supplier<Map<List<String>, Double>> samples;

    Gauge(String name, String help, Supplier<Map<List<String>, Double>> samples, String... labelNames) {
      super(name, help, "gauge", labelNames);
      this.samples = samples;
    }

    @Override
    void write(StringBuilder out) {
      Map<List<String>, Double> current;
      try {
        current = samples.get();
      } catch (RuntimeException e) {
        // a failing source must not break the whole scrape
        return;
      }
      current.forEach((labels, value) -> sample(out, name, labels(labels, null, null), value));
    }
  }

  public synchronized Counter counter(String name, String help, String... labelNames) {
    return (Counter) register(new Counter(name, help, labelNames));
  }

  public synchronized Histogram histogram(String name, String help, double[] bounds, String... labelNames) {
    return (Histogram) register(new Histogram(name, help, bounds, labelNames));
  }

  /** A gauge without labels. */
  public synchronized void gauge(String name, String help, Supplier<Double> value) {
    register(new Gauge(name, help, () -> Map.of(List.of(), value.get())));
  }

  /** A labelled gauge whose label combinations come and go (one per live channel, say). */
  public synchronized void gauges(
      String name, String help, Supplier<Map<List<String>, Double>> samples, String... labelNames) {
    register(new Gauge(name, help, samples, labelNames));
  }

  private Family register(Family family) {
    if (families.containsKey(family.name)) {
      throw new IllegalArgumentException("metric " + family.name + " is already registered");
    }
    families.put(family.name, family);
    return family;
  }

  /** The text the {@code /_onair/metrics} route returns, with content type {@link #CONTENT_TYPE}. */
  public String scrape() {
    List<Family> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(families.values());
    }
    StringBuilder out = new StringBuilder(4096);
    for (Family family : snapshot) {
      out.append("# HELP ").append(family.name).append(' ').append(escapeHelp(family.help)).append('\n');
      out.append("# TYPE ").append(family.name).append(' ').append(family.type).append('\n');
      family.write(out);
    }
    return out.toString();
  }

  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static void sample(StringBuilder out, String name, String labels, double value) {
    out.append(name).append(labels).append(' ').append(format(value)).append('\n');
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }
}

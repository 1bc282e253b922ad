package dev.onair.it.robustness;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Samples the server process's memory over time: resident set size from /proc, and the heap in use right after a
 * full GC (requested over JMX through the attach API, so the figure is the live set, not whatever garbage the
 * young generation happens to hold). A slope over the second half of a run tells a leak from warm-up.
 */
final class MemorySampler implements AutoCloseable {
  /** One sample: seconds since the run started, RSS and heap after GC in KiB (-1 when unknown). */
  record Sample(double seconds, long rssKib, long heapAfterGcKib) {}

  /** Least-squares growth over the samples at or after {@code fromSeconds}, in MiB per minute. */
  record Slope(double rssMibPerMinute, double heapMibPerMinute, int samples) {}

  private final long pid;
  private final long startNanos = System.nanoTime();
  private final JMXConnector jmx;
  private final MemoryMXBean memory;
  private final List<Sample> samples = new ArrayList<>();

  MemorySampler(long pid) throws IOException {
    this.pid = pid;
    String address;
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
    } catch (com.sun.tools.attach.AttachNotSupportedException e) {
      throw new IOException("cannot attach to the server process " + pid, e);
    }
    this.jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
    this.memory = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
        ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
  }

  /** Forces a full GC in the server, then records RSS and the heap still in use. */
  synchronized Sample sample() {
    long heap;
    try {
      memory.gc();
      heap = memory.getHeapMemoryUsage().getUsed() / 1024;
    } catch (RuntimeException unreachable) {
      heap = -1;
    }
    Sample sample = new Sample((System.nanoTime() - startNanos) / 1e9, rssKib(pid), heap);
    samples.add(sample);
    return sample;
  }

  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  synchronized Slope slopeFrom(double fromSeconds) {
    List<Sample> tail = samples.stream().filter(s -> s.seconds() >= fromSeconds).toList();
    return new Slope(slope(tail, true), slope(tail, false), tail.size());
  }

  private static double slope(List<Sample> points, boolean rss) {
    List<double[]> xy = new ArrayList<>();
    for (Sample s : points) {
      long kib = rss ? s.rssKib() : s.heapAfterGcKib();
      if (kib >= 0) {
        xy.add(new double[] {s.seconds() / 60.0, kib / 1024.0});
      }
    }
    if (xy.size() < 2) {
      return Double.NaN;
    }
    double meanX = xy.stream().mapToDouble(p -> p[0]).average().orElse(0);
    double meanY = xy.stream().mapToDouble(p -> p[1]).average().orElse(0);
    double covariance = 0;
    double variance = 0;
    for (double[] p : xy) {
      covariance += (p[0] - meanX) * (p[1] - meanY);
      variance += (p[0] - meanX) * (p[0] - meanX);
    }
    return variance == 0 ? Double.NaN : covariance / variance;
  }

  static long rssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    jmx.close();
  }
}

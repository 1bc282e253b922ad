package dev.onair.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Playback request cost: fetches a live stream's playlist, a blocking LL-HLS reload or a segment/part over new
 * connections (one TCP connection per request, as python's urllib does) or one kept-alive connection, closed loop
 * or at a fixed rate, and reports the SERVER's CPU per request (utime+stime of the given pids from /proc, and per
 * thread group from /proc/PID/task/TID/stat) with latency percentiles. Plain sockets and the JDK only, so it runs
 * as a source-file program: {@code java bench/src/main/java/dev/onair/bench/PlaybackLoad.java ...}.
 *
 * <pre>
 * --url URL         what to fetch (the media playlist URL for kinds playlist/reload/blocking/segment/part)
 * --kind K          playlist (GET url), reload (url + _HLS_msn/_HLS_part of the newest part: answered at once),
 *                   blocking (url + _HLS_msn/_HLS_part of the NEXT part: held until it exists, chained),
 *                   segment / part (the newest complete segment / part named by the playlist, re-read every 100)
 * --mode new|keep   a new connection per request, or one kept-alive connection
 * --requests N      measured requests (default 3000), after --warmup N (default 3000)
 * --rate R          requests per second (default 0: closed loop, next request when the previous answer is read)
 * --pid P           server process to account (repeatable: nginx master and worker)
 * --label L         printed with the result
 * </pre>
 * Prints one JSON object per run on stdout.
 */
public final class PlaybackLoad {
  private static final long TICKS = 100; // USER_HZ on Linux

  private PlaybackLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    List<Long> pids = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--pid")) {
        pids.add(Long.parseLong(args[i + 1]));
      } else {
        opts.put(args[i].substring(2), args[i + 1]);
      }
    }
    URI url = URI.create(required(opts, "url"));
    String kind = opts.getOrDefault("kind", "playlist");
    boolean keep = opts.getOrDefault("mode", "keep").equals("keep");
    int requests = Integer.parseInt(opts.getOrDefault("requests", "3000"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "3000"));
    double rate = Double.parseDouble(opts.getOrDefault("rate", "0"));
    Client client = new Client(url, keep);
    Target target = new Target(client, url, kind);
    run(target, warmup, rate, null);
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
    Map<String, Long> threadsBefore = threadTicks(pids);
    long before = processTicks(pids);
    long sysBefore = processSystemTicks(pids);
    long start = System.nanoTime();
    long[] latencies = new long[requests];
    int errors = run(target, requests, rate, latencies);
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = processTicks(pids);
    long sysAfter = processSystemTicks(pids);
    Map<String, Long> threadsAfter = threadTicks(pids);
    client.close();
    String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
    double cpuSeconds = (after - before) / (double) TICKS;
    Arrays.sort(latencies);
    StringBuilder json = new StringBuilder();
    json.append(String.format(Locale.ROOT,
        "{\"label\":\"%s\",\"kind\":\"%s\",\"mode\":\"%s\",\"requests\":%d,\"errors\":%d,\"seconds\":%.2f,"
            + "\"rate\":%.1f,\"server_cpu_s\":%.3f,\"server_system_share\":%.2f,\"cpu_us_per_request\":%.1f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,"
            + "\"p99_ms\":%.3f,\"max_ms\":%.3f,\"loadavg_before\":\"%s\",\"loadavg_after\":\"%s\",\"threads_us_per_request\":{",
        opts.getOrDefault("label", ""), kind, keep ? "keep" : "new", requests, errors, seconds, requests / seconds,
        cpuSeconds, after == before ? 0.0 : (sysAfter - sysBefore) / (double) (after - before), cpuSeconds * 1e6 / requests, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
        latencies[latencies.length - 1] / 1e6, loadBefore, loadAfter));
    Map<String, Long> groups = new TreeMap<>();
    threadsAfter.forEach((group, ticks) -> groups.merge(group, ticks - threadsBefore.getOrDefault(group, 0L), Long::sum));
    String sep = "";
    for (var e : groups.entrySet()) {
      if (e.getValue() > 0) {
        json.append(String.format(Locale.ROOT, "%s\"%s\":%.1f", sep, e.getKey(),
            e.getValue() * 1e6 / TICKS / requests));
        sep = ",";
      }
    }
    System.out.println(json.append("}}"));
  }

  private static int run(Target target, int count, double rate, long[] latencies) throws IOException {
    int errors = 0;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      if (rate > 0) {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return errors;
          }
        }
      }
      long t0 = System.nanoTime();
      int status = target.next();
      if (latencies != null) {
        latencies[i] = System.nanoTime() - t0;
      }
      if (status != 200) {
        errors++;
      }
    }
    return errors;
  }

  private static double pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
  }

  private static String required(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  // ---------------------------------------------------------------- what to fetch

  /** Produces the next request of a kind; the media URIs it needs come from the playlist. */
  private static final class Target {
    private final Client client;
    private final URI playlist;
    private final String kind;
    private String path;
    private int sinceRefresh = Integer.MAX_VALUE;
    private long[] edge; // blocking: msn, part of the newest part seen

    Target(Client client, URI playlist, String kind) {
      this.client = client;
      this.playlist = playlist;
      this.kind = kind;
    }

    int next() throws IOException {
      switch (kind) {
        case "playlist":
          return client.get(pathAndQuery(playlist)).status();
        case "reload":
        case "segment":
        case "part":
          if (sinceRefresh++ >= 100) {
            refresh();
            sinceRefresh = 0;
          }
          return client.get(path).status();
        case "blocking":
          if (edge == null) {
            edge = newestPart(client.get(pathAndQuery(playlist)).text());
          }
          long[] next = nextPart(edge);
          Response r = client.get(withQuery(playlist, "_HLS_msn=" + next[0] + "&_HLS_part=" + next[1]));
          edge = newestPart(r.text());
          return r.status();
        default:
          throw new IllegalArgumentException("unknown kind " + kind);
      }
    }

    private void refresh() throws IOException {
      String text = client.get(pathAndQuery(playlist)).text();
      switch (kind) {
        case "reload" -> {
          long[] newest = newestPart(text);
          // the newest part, or the newest segment when no part follows it: satisfied, answered at once
          path = withQuery(playlist, "_HLS_msn=" + newest[0] + (newest[1] < 0 ? "" : "&_HLS_part=" + newest[1]));
        }
        case "segment" -> path = pathAndQuery(playlist.resolve(lastUri(text, false)));
        default -> path = pathAndQuery(playlist.resolve(lastUri(text, true)));
      }
    }

    /** The last segment URI (or the last EXT-X-PART URI), i.e. the newest complete one. */
    private static String lastUri(String text, boolean part) {
      String found = null;
      for (String line : text.split("\n")) {
        if (part && line.startsWith("#EXT-X-PART:")) {
          int at = line.indexOf("URI=\"") + 5;
          found = line.substring(at, line.indexOf('"', at));
        } else if (!part && !line.isEmpty() && !line.startsWith("#")) {
          found = line.trim();
        }
      }
      if (found == null) {
        throw new IllegalStateException("the playlist names no " + (part ? "part" : "segment") + ":\n" + text);
      }
      return found;
    }

    /** {msn, index} of the newest EXT-X-PART; parts belong to the segment after the last media line. */
    private static long[] newestPart(String text) {
      long msn = -1;
      long segments = 0;
      int index = -1;
      for (String line : text.split("\n")) {
        if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
          msn = Long.parseLong(line.substring(22).trim());
        } else if (line.startsWith("#EXT-X-PART:")) {
          index++;
        } else if (!line.isEmpty() && !line.startsWith("#")) {
          segments++;
          index = -1;
        }
      }
      if (msn < 0) {
        throw new IllegalStateException("not a media playlist:\n" + text);
      }
      return index < 0 ? new long[] {msn + segments - 1, -1} : new long[] {msn + segments, index};
    }

    private static long[] nextPart(long[] edge) {
      return edge[1] < 0 ? new long[] {edge[0] + 1, 0} : new long[] {edge[0], edge[1] + 1};
    }

    private static String pathAndQuery(URI uri) {
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String withQuery(URI uri, String extra) {
      return uri.getRawPath() + "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery() + "&") + extra;
    }
  }

  // ---------------------------------------------------------------- HTTP/1.1 over a plain socket

  private record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final class Client {
    private final InetSocketAddress address;
    private final String host;
    private final boolean keep;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Client(URI base, boolean keep) {
      this.address = new InetSocketAddress(base.getHost(), base.getPort());
      this.host = base.getHost() + ":" + base.getPort();
      this.keep = keep;
    }

    Response get(String pathAndQuery) throws IOException {
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
      }
      out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: PlaybackLoad\r\n"
          + (keep ? "" : "Connection: close\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Response r = read();
      if (!keep) {
        close();
      }
      return r;
    }

    private Response read() throws IOException {
      String status = line();
      int code = Integer.parseInt(status.split(" ")[1]);
      int length = -1;
      boolean closeAfter = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).trim());
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closeAfter = true;
        }
      }
      byte[] body;
      if (length >= 0) {
        body = in.readNBytes(length);
      } else {
        body = in.readAllBytes(); // until the server closes
        closeAfter = true;
      }
      if (closeAfter && keep) {
        close();
      }
      return new Response(code, body);
    }

    private String line() throws IOException {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("connection closed in the response head");
        }
        if (c != '\r') {
          buf.write(c);
        }
      }
      return buf.toString(StandardCharsets.ISO_8859_1);
    }

    void close() throws IOException {
      if (socket != null) {
        socket.close();
        socket = null;
      }
    }
  }

  // ---------------------------------------------------------------- /proc

  private static long processTicks(List<Long> pids) throws IOException {
    long total = 0;
    for (long pid : pids) {
      String[] f = statFields(Path.of("/proc/" + pid + "/stat"));
      total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
    return total;
  }

  /** The kernel's share (stime): on loopback it includes the receiving side's TCP work for what a thread sends. */
  private static long processSystemTicks(List<Long> pids) throws IOException {
    long total = 0;
    for (long pid : pids) {
      total += Long.parseLong(statFields(Path.of("/proc/" + pid + "/stat"))[12]);
    }
    return total;
  }

  /** CPU ticks per thread group: the thread name without its trailing number ("onair-worker-3" -> "onair-worker"). */
  private static Map<String, Long> threadTicks(List<Long> pids) throws IOException {
    Map<String, Long> groups = new TreeMap<>();
    for (long pid : pids) {
      try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
        for (Path task : (Iterable<Path>) tasks::iterator) {
          String stat;
          try {
            stat = Files.readString(task.resolve("stat"));
          } catch (IOException gone) {
            continue; // the thread ended
          }
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String group = name.replaceAll("[-#]?\\d+$", "");
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          groups.merge(group, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
        }
      }
    }
    return groups;
  }

  /** The fields after "(comm) ": state is [0], utime [11], stime [12]. */
  private static String[] statFields(Path stat) throws IOException {
    String s = Files.readString(stat);
    return s.substring(s.lastIndexOf(')') + 2).split(" ");
  }
}

package dev.onair.bench;

import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API load generator used by {@code bench/api.sh}: the same client, byte for byte, against Onair and moto.
 *
 * <p>Each request is signed once with Onair's own {@link SigV4Signer} before the run starts and then sent
 * unchanged over raw keep-alive sockets, so the client spends almost nothing per request (no signing, no HTTP
 * library) and the server still verifies the full signature every time. Two modes:
 *
 * <ul>
 *   <li>closed loop ({@code --clients N}): N connections, each sends its next request as soon as the previous
 *       answer is read; gives the throughput ceiling and latency under saturation;
 *   <li>open loop ({@code --rate R}): requests are scheduled at fixed intervals (1/R) over a pool of connections,
 *       and latency is measured from the scheduled send time, so a stalled server is charged for the requests
 *       that queued behind the stall (no coordinated omission).
 * </ul>
 *
 * <pre>
 * java -cp bench/target/onair-bench.jar:bench/target/lib/* dev.onair.bench.ApiLoad setup  --endpoint URL --key K --secret S [--onair]
 * java -cp ... dev.onair.bench.ApiLoad run --endpoint URL --key K --secret S --op OP --clients N --seconds D
 *     [--warmup W] [--rate R] [--arn CHANNEL_ARN] [--label L]
 * </pre>
 *
 * Operations: {@code ivs:GetChannel}, {@code ivs:ListChannels}, {@code ivs:CreateChannel}, {@code iam:GetUser},
 * {@code sts:GetCallerIdentity}, {@code health} (unsigned {@code GET /_onair/health}), {@code idle} (no request:
 * the server's CPU while idle, needs {@code --server-pid}). One JSON line per run on stdout.
 */
public final class ApiLoad {
  private static final String REGION = "us-east-1";

  private ApiLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ApiLoad setup|run --endpoint URL --key K --secret S ...");
      System.exit(2);
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    URI endpoint = URI.create(required(options, "endpoint"));
    SigningCredentials credentials =
        SigningCredentials.of(required(options, "key"), required(options, "secret"));
    switch (args[0]) {
      case "setup" -> setup(endpoint, credentials, options.containsKey("onair"));
      case "run" -> run(endpoint, credentials, options);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  // ---------------------------------------------------------------- set-up: same state on every target

  /** Creates channel "bench" and IAM user "bench"; on Onair also raises the channel quota. Prints the channel ARN. */
  private static void setup(URI endpoint, SigningCredentials credentials, boolean onair) throws IOException {
    if (onair) {
      Response quota =
          call(endpoint, sign(endpoint, credentials, "servicequotas", "POST", "/", "application/x-amz-json-1.1",
              "{\"ServiceCode\":\"ivs\",\"QuotaCode\":\"L-7A3B2C01\",\"DesiredValue\":10000000}",
              "X-Amz-Target", "ServiceQuotasV20190624.RequestServiceQuotaIncrease"));
      System.err.println("quota increase: " + quota.status + " " + quota.bodyText());
    }
    Response user =
        call(endpoint, sign(endpoint, credentials, "iam", "POST", "/", "application/x-www-form-urlencoded; charset=utf-8",
            "Action=CreateUser&UserName=bench&Version=2010-05-08"));
    if (user.status != 200 && !user.bodyText().contains("EntityAlreadyExists")) {
      throw new IOException("CreateUser failed: " + user.status + " " + user.bodyText());
    }
    Response channel =
        call(endpoint, sign(endpoint, credentials, "ivs", "POST", "/CreateChannel", "application/json",
            "{\"name\":\"bench\"}"));
    Matcher arn = Pattern.compile("\"arn\"\\s*:\\s*\"([^\"]+:channel/[^\"]+)\"").matcher(channel.bodyText());
    if (channel.status != 200 || !arn.find()) {
      throw new IOException("CreateChannel failed: " + channel.status + " " + channel.bodyText());
    }
    System.out.println(arn.group(1));
  }

  // ---------------------------------------------------------------- runs

  private static void run(URI endpoint, SigningCredentials credentials, Map<String, String> options)
      throws Exception {
    String op = required(options, "op");
    int clients = Integer.parseInt(options.getOrDefault("clients", "1"));
    double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
    double warmup = Double.parseDouble(options.getOrDefault("warmup", "3"));
    double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
    String label = options.getOrDefault("label", endpoint.toString());
    if (op.equals("idle")) {
      idle(label, options.get("server-pid"), seconds);
      return;
    }
    byte[] request = request(endpoint, credentials, op, options.get("arn"));

    if (warmup > 0) {
      Result ignored = rate > 0 ? openLoop(endpoint, request, clients, rate, warmup) : closedLoop(endpoint, request, clients, warmup);
    }
    String pid = options.get("server-pid");
    long ticksBefore = pid == null ? 0 : cpuTicks(pid);
    Result result = rate > 0 ? openLoop(endpoint, request, clients, rate, seconds) : closedLoop(endpoint, request, clients, seconds);
    String json = result.json(label, op, clients, rate);
    if (pid != null) {
      // server CPU over the measured phase: utime+stime of the process (every thread), 100 ticks per second
      double cpuSeconds = (cpuTicks(pid) - ticksBefore) / 100.0;
      json = json.substring(0, json.length() - 1) + ",\"server_cpu_s\":" + cpuSeconds + ",\"server_cpu_us_per_req\":"
          + (result.requests() == 0 ? -1 : Math.round(cpuSeconds * 1e7 / result.requests()) / 10.0) + "}";
    }
    System.out.println(json);
  }

  /**
   * The server's own CPU while no request arrives (its background jobs: metrics, quota refresh, audit and
   * last-use writers), to tell a server that is busy per request from one that is busy anyway.
   */
  private static void idle(String label, String pid, double seconds) throws Exception {
    if (pid == null) {
      throw new IllegalArgumentException("--server-pid is required for op idle");
    }
    long ticksBefore = cpuTicks(pid);
    long start = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (cpuTicks(pid) - ticksBefore) / 100.0;
    System.out.println("{\"label\":" + quote(label) + ",\"op\":\"idle\",\"mode\":\"idle\",\"clients\":0,"
        + "\"seconds\":" + Math.round(elapsed * 1000) / 1000.0 + ",\"requests\":0,\"errors\":0,\"rps\":0,"
        + "\"server_cpu_s\":" + cpuSeconds + ",\"server_cpu_cores\":" + Math.round(cpuSeconds / elapsed * 1000) / 1000.0
        + "}");
  }

  private static long cpuTicks(String pid) throws IOException {
    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
  }

  /** The complete signed request for one operation, built once. */
  static byte[] request(URI endpoint, SigningCredentials credentials, String op, String arn) {
    return switch (op) {
      case "ivs:GetChannel" -> sign(endpoint, credentials, "ivs", "POST", "/GetChannel", "application/json",
          "{\"arn\":\"" + requireArn(arn) + "\"}");
      case "ivs:ListChannels" -> sign(endpoint, credentials, "ivs", "POST", "/ListChannels", "application/json",
          "{}");
      case "ivs:CreateChannel" -> sign(endpoint, credentials, "ivs", "POST", "/CreateChannel", "application/json",
          "{\"name\":\"bench-load\"}");
      case "iam:GetUser" -> sign(endpoint, credentials, "iam", "POST", "/",
          "application/x-www-form-urlencoded; charset=utf-8", "Action=GetUser&UserName=bench&Version=2010-05-08");
      case "sts:GetCallerIdentity" -> sign(endpoint, credentials, "sts", "POST", "/",
          "application/x-www-form-urlencoded; charset=utf-8", "Action=GetCallerIdentity&Version=2011-06-15");
      case "health" -> ("GET /_onair/health HTTP/1.1\r\nHost: " + host(endpoint) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      default -> throw new IllegalArgumentException("unknown op " + op);
    };
  }

  private static String requireArn(String arn) {
    if (arn == null) {
      throw new IllegalArgumentException("--arn is required for ivs:GetChannel");
    }
    return arn;
  }

  static byte[] sign(URI endpoint, SigningCredentials credentials, String service, String method, String path,
      String contentType, String body, String... extraHeaders) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Host", host(endpoint)));
    headers.add(Map.entry("Content-Type", contentType));
    for (int i = 0; i < extraHeaders.length; i += 2) {
      headers.add(Map.entry(extraHeaders[i], extraHeaders[i + 1]));
    }
    SigningRequest signed = new SigV4Signer().sign(SigningRequest.of(method, path, headers, sha256(bytes)),
        credentials, REGION, service, Instant.now(), false);
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    for (Map.Entry<String, String> header : signed.headers()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(headBytes, headBytes.length + bytes.length);
    System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
    return all;
  }

  private static String host(URI endpoint) {
    return endpoint.getHost() + ":" + endpoint.getPort();
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** N connections, each sending back to back for {@code seconds}. */
  private static Result closedLoop(URI endpoint, byte[] request, int clients, double seconds)
      throws InterruptedException {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    Worker[] workers = new Worker[clients];
    for (int i = 0; i < clients; i++) {
      workers[i] = new Worker(endpoint, request, () -> {
        long now = System.nanoTime();
        return now < end ? now : -1;
      });
      workers[i].start();
    }
    for (Worker worker : workers) {
      worker.join();
    }
    return Result.of(workers, (System.nanoTime() - start) / 1e9);
  }

  /** {@code rate} requests per second scheduled at fixed intervals over {@code connections} connections. */
  private static Result openLoop(URI endpoint, byte[] request, int connections, double rate, double seconds)
      throws InterruptedException {
    long start = System.nanoTime() + 50_000_000L;
    long total = (long) (rate * seconds);
    double period = 1e9 / rate;
    AtomicLong next = new AtomicLong();
    Worker[] workers = new Worker[connections];
    for (int i = 0; i < connections; i++) {
      workers[i] = new Worker(endpoint, request, () -> {
        long slot = next.getAndIncrement();
        if (slot >= total) {
          return -1;
        }
        long intended = start + (long) (slot * period);
        long wait;
        while ((wait = intended - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        return intended;
      });
      workers[i].start();
    }
    for (Worker worker : workers) {
      worker.join();
    }
    return Result.of(workers, (System.nanoTime() - start) / 1e9);
  }

  /** Returns the time the next request counts from, or -1 to stop. */
  private interface Schedule {
    long next();
  }

  private static final class Worker extends Thread {
    private final URI endpoint;
    private final byte[] request;
    private final Schedule schedule;
    long[] latencies = new long[1 << 14];
    int count;
    long errors;
    final Map<Integer, Long> statuses = new TreeMap<>();
    String firstError;

    Worker(URI endpoint, byte[] request, Schedule schedule) {
      this.endpoint = endpoint;
      this.request = request;
      this.schedule = schedule;
      setDaemon(true);
    }

    @Override
    public void run() {
      Connection connection = null;
      long from;
      while ((from = schedule.next()) >= 0) {
        try {
          if (connection == null) {
            connection = new Connection(endpoint);
          }
          Response response = connection.exchange(request, false);
          long latency = System.nanoTime() - from;
          statuses.merge(response.status, 1L, Long::sum);
          if (response.status >= 300) {
            errors++;
            if (firstError == null) {
              firstError = response.status + " " + response.bodyText();
            }
          }
          record(latency);
          if (response.close) {
            connection.close();
            connection = null;
          }
        } catch (IOException e) {
          errors++;
          statuses.merge(-1, 1L, Long::sum);
          if (firstError == null) {
            firstError = e.toString();
          }
          if (connection != null) {
            connection.close();
            connection = null;
          }
        }
      }
      if (connection != null) {
        connection.close();
      }
    }

    private void record(long latency) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = latency;
    }
  }

  private record Result(long requests, long errors, double seconds, long[] sorted, Map<Integer, Long> statuses,
      String firstError) {
    static Result of(Worker[] workers, double seconds) {
      int total = 0;
      long errors = 0;
      Map<Integer, Long> statuses = new TreeMap<>();
      String firstError = null;
      for (Worker worker : workers) {
        total += worker.count;
        errors += worker.errors;
        worker.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
        if (firstError == null) {
          firstError = worker.firstError;
        }
      }
      long[] all = new long[total];
      int at = 0;
      for (Worker worker : workers) {
        System.arraycopy(worker.latencies, 0, all, at, worker.count);
        at += worker.count;
      }
      Arrays.sort(all);
      return new Result(total, errors, seconds, all, statuses, firstError);
    }

    double percentileMillis(double p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }

    String json(String label, String op, int clients, double rate) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("label", label);
      fields.put("op", op);
      fields.put("mode", rate > 0 ? "open" : "closed");
      fields.put("clients", clients);
      fields.put("target_rps", rate);
      fields.put("seconds", round(seconds));
      fields.put("requests", requests);
      fields.put("errors", errors);
      fields.put("rps", round(requests / seconds));
      fields.put("p50_ms", round(percentileMillis(50)));
      fields.put("p90_ms", round(percentileMillis(90)));
      fields.put("p99_ms", round(percentileMillis(99)));
      fields.put("p999_ms", round(percentileMillis(99.9)));
      fields.put("max_ms", round(sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6));
      StringBuilder json = new StringBuilder("{");
      fields.forEach((key, value) -> json.append('"').append(key).append("\":")
          .append(value instanceof String s ? quote(s) : String.valueOf(value)).append(','));
      json.append("\"statuses\":{");
      statuses.forEach((status, n) -> json.append('"').append(status).append("\":").append(n).append(','));
      if (!statuses.isEmpty()) {
        json.setLength(json.length() - 1);
      }
      json.append("},\"first_error\":").append(firstError == null ? "null" : quote(firstError.length() > 300 ? firstError.substring(0, 300) : firstError));
      return json.append('}').toString();
    }

    private static double round(double value) {
      return Double.isNaN(value) ? -1 : Math.round(value * 1000) / 1000.0;
    }
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> out.append(c < 0x20 ? ' ' : c);
      }
    }
    return out.append('"').toString();
  }

  // ---------------------------------------------------------------- a minimal HTTP/1.1 keep-alive client

  record Response(int status, byte[] body, boolean close) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static Response call(URI endpoint, byte[] request) throws IOException {
    try (Connection connection = new Connection(endpoint)) {
      return connection.exchange(request, true);
    }
  }

  static final class Connection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] line = new byte[16384];

    Connection(URI endpoint) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(30_000);
      socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 65536);
    }

    Response exchange(byte[] request, boolean keepBody) throws IOException {
      out.write(request);
      out.flush();
      String statusLine = readLine();
      if (statusLine == null) {
        throw new IOException("connection closed before the status line");
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      String header;
      while ((header = readLine()) != null && !header.isEmpty()) {
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> close = value.equalsIgnoreCase("close");
          default -> { }
        }
      }
      ByteArrayOutputStream body = keepBody || status >= 300 ? new ByteArrayOutputStream() : null;
      if (chunked) {
        while (true) {
          String size = readLine();
          if (size == null) {
            throw new IOException("eof in chunked body");
          }
          int semicolon = size.indexOf(';');
          long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
          if (n == 0) {
            while ((header = readLine()) != null && !header.isEmpty()) {
              // trailers
            }
            break;
          }
          copy(n, body);
          readLine();
        }
      } else if (length >= 0) {
        copy(length, body);
      } else {
        // no length: body runs to the end of the connection
        copy(Long.MAX_VALUE, body);
        close = true;
      }
      return new Response(status, body == null ? new byte[0] : body.toByteArray(), close);
    }

    private void copy(long n, ByteArrayOutputStream body) throws IOException {
      byte[] buffer = new byte[8192];
      long left = n;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          if (n == Long.MAX_VALUE) {
            return;
          }
          throw new IOException("eof in body");
        }
        if (body != null) {
          body.write(buffer, 0, read);
        }
        left -= read;
      }
    }

    private String readLine() throws IOException {
      int length = 0;
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          if (length > 0 && line[length - 1] == '\r') {
            length--;
          }
          return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        }
        if (length < line.length) {
          line[length++] = (byte) b;
        }
      }
      return length == 0 ? null : new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  // ---------------------------------------------------------------- options

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String name = args[i].substring(2);
      if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        options.put(name, args[++i]);
      } else {
        options.put(name, "true");
      }
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

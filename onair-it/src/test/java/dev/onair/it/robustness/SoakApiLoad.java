package dev.onair.it.robustness;

import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop stream of SigV4-signed API calls at a fixed rate: IVS and IAM/STS reads with some writes (IVS
 * TagResource and PutMetadata, IAM TagUser), signed with the project's own signer and sent over keep-alive
 * connections. Requests are issued on schedule whatever the answers take, so a slow server shows up as latency and
 * backlog, not as a lower rate. Every answer other than 2xx (and every transport error) is a failure, kept with
 * its operation and status for the report. No retries: the SDKs' retries would hide exactly what a soak looks for.
 */
final class SoakApiLoad implements AutoCloseable {
  /** One call of the mix: its name (for the report), the signing service and region, the request. */
  private record Call(String name, String service, String region, String path, String contentType, String body) {}

  record Failure(String call, int status, String detail) {}

  record Figures(long issued, long succeeded, long failed, long writes, double seconds, long p50Micros,
      long p99Micros, long maxMicros) {
    double ratePerSecond() {
      return succeeded / seconds;
    }
  }

  private static final int MAX_FAILURES_KEPT = 50;
  private static final int LATENCY_SLOTS = 1 << 20;

  private final URI endpoint;
  private final String host;
  private final SigV4Signer signer = new SigV4Signer();
  private final HttpClient http;
  private final ExecutorService workers = Executors.newFixedThreadPool(48, daemon("soak-api"));
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("soak-tick"));
  private final List<Call> mix;
  private final AtomicLong issued = new AtomicLong();
  private final AtomicLong succeeded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong cursor = new AtomicLong();
  private final long[] latencies = new long[LATENCY_SLOTS];
  private final AtomicLong latencyCount = new AtomicLong();
  private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
  /** Every failure counted by its kind: the HTTP status, or the transport error's class. */
  private final Map<String, AtomicLong> failureKinds = new ConcurrentHashMap<>();
  private long startedNanos;
  private long stoppedNanos;

  /**
   * @param channels channel ARNs (all live during the run) the IVS calls address
   * @param userName an IAM user the IAM calls read and tag
   */
  SoakApiLoad(URI endpoint, List<String> channels, String userName) {
    this.endpoint = endpoint;
    this.host = endpoint.getHost() + ":" + endpoint.getPort();
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(workers)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.mix = mix(channels, userName);
  }

  /**
   * Twenty calls, three of them writes (15 %), cycled in a fixed order; the channel-addressed ones rotate over all
   * channels.
   */
  private static List<Call> mix(List<String> channels, String user) {
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      String arn = channels.get(i);
      String json = "{\"arn\":\"" + arn + "\"}";
      String channelJson = "{\"channelArn\":\"" + arn + "\"}";
      calls.add(ivs("GetChannel", json));
      calls.add(ivs("GetStream", channelJson));
      calls.add(ivs("ListChannels", "{\"maxResults\":50}"));
      calls.add(iam("GetUser", "Action=GetUser&UserName=" + user + "&Version=2010-05-08"));
      calls.add(ivs("GetChannel", json));
      calls.add(ivs("ListStreams", "{}"));
      calls.add(ivs("ListStreamKeys", channelJson));
      calls.add(iam("ListUsers", "Action=ListUsers&Version=2010-05-08"));
      calls.add(ivs("GetStream", channelJson));
      calls.add(new Call("TagResource", "ivs", "us-west-2", "/tags/" + URLEncoder.encode(arn, StandardCharsets.UTF_8),
          "application/json", "{\"tags\":{\"soak\":\"" + i + "\"}}"));
      calls.add(iam("GetUser", "Action=GetUser&UserName=" + user + "&Version=2010-05-08"));
      calls.add(new Call("GetCallerIdentity", "sts", "us-east-1", "/", "application/x-www-form-urlencoded",
          "Action=GetCallerIdentity&Version=2011-06-15"));
      calls.add(ivs("GetChannel", json));
      calls.add(iam("TagUser", "Action=TagUser&UserName=" + user + "&Tags.member.1.Key=soak&Tags.member.1.Value="
          + i + "&Version=2010-05-08"));
      calls.add(ivs("ListChannels", "{}"));
      calls.add(iam("ListAttachedUserPolicies", "Action=ListAttachedUserPolicies&UserName=" + user
          + "&Version=2010-05-08"));
      calls.add(ivs("GetStream", channelJson));
      calls.add(ivs("PutMetadata", "{\"channelArn\":\"" + arn + "\",\"metadata\":\"soak " + i + "\"}"));
      calls.add(iam("GetUser", "Action=GetUser&UserName=" + user + "&Version=2010-05-08"));
      calls.add(ivs("ListStreamKeys", channelJson));
    }
    return List.copyOf(calls);
  }

  private static Call ivs(String operation, String json) {
    return new Call(operation, "ivs", "us-west-2", "/" + operation, "application/json", json);
  }

  private static Call iam(String name, String form) {
    return new Call(name, "iam", "us-east-1", "/", "application/x-www-form-urlencoded; charset=utf-8",
        form.replace(" ", URLEncoder.encode(" ", StandardCharsets.UTF_8)));
  }

  private static boolean isWrite(Call call) {
    return call.name().equals("TagResource") || call.name().equals("PutMetadata") || call.name().equals("TagUser");
  }

  /** Issues {@code perSecond} calls a second (in 20 ms ticks) until {@link #stop()}. */
  void start(int perSecond) {
    startedNanos = System.nanoTime();
    long periodMicros = 20_000;
    double perTick = perSecond * periodMicros / 1e6;
    double[] carry = {0};
    ticker.scheduleAtFixedRate(() -> {
      carry[0] += perTick;
      int now = (int) carry[0];
      carry[0] -= now;
      for (int i = 0; i < now; i++) {
        send(mix.get((int) (cursor.getAndIncrement() % mix.size())));
      }
    }, 0, periodMicros, TimeUnit.MICROSECONDS);
  }

  private void send(Call call) {
    issued.incrementAndGet();
    if (isWrite(call)) {
      writes.incrementAndGet();
    }
    byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
    SigningRequest signed = signer.sign(SigningRequest.of("POST", call.path(), Robustness.sha256(body),
        "Host", host, "Content-Type", call.contentType()), Robustness.admin(), call.region(), call.service(),
        Instant.now(), false);
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(call.path()))
        .timeout(Robustness.REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, String> header : signed.headers()) {
      if (!header.getKey().equalsIgnoreCase("Host")) {
        request.header(header.getKey(), header.getValue());
      }
    }
    long sent = System.nanoTime();
    http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
      long micros = (System.nanoTime() - sent) / 1000;
      long slot = latencyCount.getAndIncrement();
      if (slot < LATENCY_SLOTS) {
        latencies[(int) slot] = micros;
      }
      if (error == null && response.statusCode() / 100 == 2) {
        succeeded.incrementAndGet();
        return;
      }
      failed.incrementAndGet();
      String kind = error != null ? rootCause(error).getClass().getSimpleName()
          : "HTTP " + response.statusCode();
      failureKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
      if (failures.size() < MAX_FAILURES_KEPT) {
        failures.add(error != null ? new Failure(call.name(), -1, error.toString())
            : new Failure(call.name(), response.statusCode(), abbreviate(response.body())));
      }
    });
  }

  /** Stops issuing and waits (up to {@code drain}) for the calls in flight. */
  Figures stop(Duration drain) throws InterruptedException {
    ticker.shutdownNow();
    ticker.awaitTermination(5, TimeUnit.SECONDS);
    stoppedNanos = System.nanoTime();
    long deadline = System.nanoTime() + drain.toNanos();
    while (succeeded.get() + failed.get() < issued.get() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    int count = (int) Math.min(latencyCount.get(), LATENCY_SLOTS);
    long[] sorted = Arrays.copyOf(latencies, count);
    Arrays.sort(sorted);
    return new Figures(issued.get(), succeeded.get(), failed.get(), writes.get(),
        (stoppedNanos - startedNanos) / 1e9, percentile(sorted, 0.50), percentile(sorted, 0.99),
        count == 0 ? 0 : sorted[count - 1]);
  }

  /** Calls answered or failed so far; for progress lines. */
  long completed() {
    return succeeded.get() + failed.get();
  }

  long failedSoFar() {
    return failed.get();
  }

  List<Failure> failures() {
    return List.copyOf(failures);
  }

  Map<String, Long> failuresByKind() {
    Map<String, Long> counts = new TreeMap<>();
    failureKinds.forEach((kind, count) -> counts.put(kind, count.get()));
    return counts;
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    workers.shutdownNow();
  }
}

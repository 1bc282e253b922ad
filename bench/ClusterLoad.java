import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load on IAM GetUser, spread round-robin over the given nodes, each request signed with SigV4 (the
 * project's own signer), as a load balancer would spread clients. Run by cluster-throughput.sh with the server
 * jar on the classpath: java -cp 'onair-server.jar:lib/*' ClusterLoad.java <seconds> <threads> <port>...
 */
public final class ClusterLoad {
  public static void main(String[] args) throws Exception {
    int seconds = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    int[] ports = Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray();
    String keyId = System.getenv("ONAIR_ADMIN_ACCESS_KEY_ID");
    String secret = System.getenv("ONAIR_ADMIN_SECRET_ACCESS_KEY");
    byte[] body = "Action=GetUser&Version=2010-05-08&UserName=bench".getBytes(StandardCharsets.UTF_8);
    String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong next = new AtomicLong();
    long warmupEnd = System.nanoTime() + 2_000_000_000L;
    long end = warmupEnd + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        SigV4Signer signer = new SigV4Signer();
        SigningCredentials credentials = SigningCredentials.of(keyId, secret);
        while (System.nanoTime() < end) {
          int port = ports[(int) (next.getAndIncrement() % ports.length)];
          String host = "127.0.0.1:" + port;
          SigningRequest signed = signer.sign(
              SigningRequest.of("POST", "/", bodyHash, "Host", host,
                  "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
              credentials, "us-east-1", "iam", Instant.now(), false);
          HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + "/"))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
          for (Map.Entry<String, String> header : signed.headers()) {
            if (!header.getKey().equalsIgnoreCase("Host")) {
              request.header(header.getKey(), header.getValue());
            }
          }
          long started = System.nanoTime();
          try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            long now = System.nanoTime();
            if (now > warmupEnd) {
              (status == 200 ? ok : failed).increment();
              latencies.add(now - started);
            }
          } catch (Exception e) {
            failed.increment();
          }
        }
      });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    double p50 = sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
    double p99 = sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.99)] / 1e6;
    System.out.printf("nodes=%d threads=%d ok=%d failed=%d throughput=%.0f req/s p50=%.1f ms p99=%.1f ms%n",
        ports.length, threads, ok.sum(), failed.sum(), ok.sum() / (double) seconds, p50, p99);
  }
}

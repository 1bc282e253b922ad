package dev.onair.it.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * The cost of authorization inside a real request (docs/BENCHMARKS.md): sequential signed IVS GetChannel calls on
 * one keep-alive connection, as the admin (AdministratorAccess, one statement) and as a user whose policies hold
 * 100 statements (10 managed, 5 inline through a group), plus the same call signed with a wrong secret, which the
 * front door refuses after SigV4 but before authorization and the handler. The three are interleaved request by
 * request so that load from other processes falls on all alike. Not a test: its name keeps it out of the build; run it with {@code -Dtest=AuthorizationCostBenchmark}.
 */
class AuthorizationCostBenchmark {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();
  static final int WARMUP = Integer.getInteger("onair.bench.warmup", 1500);
  static final int N = Integer.getInteger("onair.bench.n", 3000);
  static final Pattern SUM = Pattern.compile(
      "onair_api_request_duration_seconds_sum\\{service=\"ivs\",operation=\"GetChannel\"} ([0-9.eE+-]+)");
  static final Pattern COUNT = Pattern.compile(
      "onair_api_request_duration_seconds_count\\{service=\"ivs\",operation=\"GetChannel\"} ([0-9.eE+-]+)");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void getChannel_authorizationShareOfRequestTime() throws Exception {
    AccessKey heavy;
    String channel;
    try (PolicyClients admin = PolicyClients.admin(ONAIR.process())) {
      channel = admin.ivs.createChannel(b -> b.name("bench").tags(Map.of("team", "blue"))).channel().arn();
      heavy = heavyUser(admin);
    }
    String body = "{\"arn\":\"" + channel + "\"}";
    List<Path> paths = List.of(
        new Path("admin (AdministratorAccess, 1 statement)", OnairProcess.ADMIN_ACCESS_KEY_ID,
            OnairProcess.ADMIN_SECRET_ACCESS_KEY, 200),
        new Path("user (100 statements)", heavy.accessKeyId(), heavy.secretAccessKey(), 200),
        new Path("wrong secret (refused before authorization)", OnairProcess.ADMIN_ACCESS_KEY_ID,
            "not-the-secret-at-all-000000000000", 403));
    long[][] nanos = new long[paths.size()][N];
    for (int i = -WARMUP; i < N; i++) {
      // interleaved, so that background load on a shared machine falls on every path alike
      for (int p = 0; p < paths.size(); p++) {
        Path path = paths.get(p);
        long start = System.nanoTime();
        int status = send(path.keyId(), path.secret(), body);
        long elapsed = System.nanoTime() - start;
        if (i < 0) {
          assertThat(status).isEqualTo(path.expected());
        } else {
          nanos[p][i] = elapsed;
        }
      }
    }
    System.out.println("BENCH IVS GetChannel, " + N + " requests per path, interleaved, one keep-alive connection");
    for (int p = 0; p < paths.size(); p++) {
      long[] sorted = nanos[p].clone();
      java.util.Arrays.sort(sorted);
      System.out.printf("BENCH %-45s median %7.1f us   p90 %7.1f us   mean %7.1f us%n", paths.get(p).name(),
          sorted[N / 2] / 1e3, sorted[N * 9 / 10] / 1e3, java.util.Arrays.stream(sorted).average().orElse(0) / 1e3);
    }
    double[] server = serverTotals();
    System.out.printf("BENCH server-side mean of all authorized GetChannel calls (Prometheus): %.1f us%n",
        server[0] / server[1] * 1e6);
  }

  record Path(String name, String keyId, String secret, int expected) {}

  private int send(String keyId, String secret, String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String host = "127.0.0.1:" + ONAIR.process().httpPort();
    SigningRequest signed = new SigV4Signer().sign(
        SigningRequest.of("POST", "/GetChannel", sha256(body), "Host", host, "Content-Type", "application/json"),
        new SigningCredentials(keyId, secret, null), "us-west-2", "ivs", Instant.now(), false);
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host + "/GetChannel"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, String> header : signed.headers()) {
      if (!header.getKey().equalsIgnoreCase("Host")) {
        builder.header(header.getKey(), header.getValue());
      }
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** {sum seconds, count} of the server's GetChannel latency histogram (every outcome, 200 and 403 alike). */
  private double[] serverTotals() throws Exception {
    String metrics = http.send(HttpRequest.newBuilder(ONAIR.process().endpoint().resolve("/_onair/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return new double[] {value(SUM, metrics), value(COUNT, metrics)};
  }

  private static double value(Pattern pattern, String metrics) {
    Matcher matcher = pattern.matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  /** Same shape as onair-policy's JMH principal: 10 managed policies of 7 statements, 5 inline of 6. */
  private static AccessKey heavyUser(PolicyClients admin) {
    AccessKey key = PolicyClients.userWithKey(admin.iam, "heavy");
    admin.iam.tagUser(b -> b.userName("heavy").tags(t -> t.key("team").value("blue")));
    String[] services = {"ivs", "s3", "cloudwatch", "servicequotas", "ssm", "sqs", "logs", "ec2", "kms", "sns"};
    for (int i = 0; i < 10; i++) {
      String service = services[i];
      String other = services[(i + 3) % services.length];
      String document = policy(
          "{\"Effect\":\"Allow\",\"Action\":[\"" + service + ":Describe*\",\"" + service + ":List*\"],\"Resource\":\"*\"}",
          "{\"Effect\":\"Allow\",\"Action\":\"" + service + ":Get*\",\"Resource\":\"arn:aws:" + service + ":*:*:thing"
              + i + "/*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}}",
          "{\"Effect\":\"Allow\",\"Action\":[\"" + other + ":Put*\",\"" + other + ":Create*\"],\"Resource\":\"arn:aws:"
              + other + ":*:*:user/${aws:username}/*\"}",
          "{\"Effect\":\"Deny\",\"Action\":\"" + service + ":*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":"
              + "{\"aws:SecureTransport\":\"true\"}}}",
          "{\"Effect\":\"Allow\",\"Action\":\"" + service + ":Tag*\",\"Resource\":\"*\",\"Condition\":"
              + "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"env\"]}}}",
          "{\"Effect\":\"Deny\",\"Action\":\"" + other + ":Delete*\",\"Resource\":\"*\",\"Condition\":"
              + "{\"NotIpAddress\":{\"aws:SourceIp\":[\"127.0.0.0/8\",\"::1/128\"]}}}",
          "{\"Effect\":\"Allow\",\"Action\":\"" + service + ":Update" + i + "?\",\"Resource\":\"*\",\"Condition\":"
              + "{\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}}");
      String name = "bench-managed-" + i;
      String arn = admin.iam.createPolicy(b -> b.policyName(name).policyDocument(document)).policy().arn();
      admin.iam.attachUserPolicy(b -> b.userName("heavy").policyArn(arn));
    }
    admin.iam.createGroup(b -> b.groupName("bench-group"));
    admin.iam.addUserToGroup(b -> b.groupName("bench-group").userName("heavy"));
    for (int i = 0; i < 5; i++) {
      int n = i;
      String document = policy(
          "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"ivs:*\"],\"Resource\":\"arn:aws:s3:::bucket" + i + "/*\"}",
          "{\"Effect\":\"Allow\",\"Action\":\"cloudwatch:GetMetricData\",\"Resource\":\"*\",\"Condition\":"
              + "{\"StringLike\":{\"aws:UserAgent\":\"*cli*\"}}}",
          "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}",
          "{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::*:role/admin" + i + "\"}",
          "{\"Effect\":\"Allow\",\"Action\":\"servicequotas:List*\",\"Resource\":\"*\",\"Condition\":"
              + "{\"StringEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}}",
          i == 4
              ? "{\"Effect\":\"Allow\",\"Action\":\"ivs:GetChannel\",\"Resource\":\"arn:aws:ivs:*:*:channel/*\","
                  + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}}"
              : "{\"Effect\":\"Allow\",\"Action\":\"logs:CreateLogStream\",\"Resource\":\"arn:aws:logs:*:*:log-group:app"
                  + i + ":*\"}");
      admin.iam.putGroupPolicy(b -> b.groupName("bench-group").policyName("inline" + n).policyDocument(document));
    }
    return key;
  }

  private static String policy(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  private static String sha256(byte[] body) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
  }
}

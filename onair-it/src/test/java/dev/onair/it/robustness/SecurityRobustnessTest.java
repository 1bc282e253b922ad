package dev.onair.it.robustness;

import static dev.onair.it.robustness.Robustness.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import dev.onair.sigv4.SigningCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Security checks against the running server: every AWS operation without valid credentials is refused (operations
 * enumerated from the botocore models installed with the AWS CLI, plus S3 by hand); only health, the console's
 * sign-in page and public playback answer anonymous callers (plus {@code /_onair/metrics}, the operator's Prometheus
 * endpoint, checked to carry no identities); the signature comparison is constant time; secrets
 * never reach the log.
 */
class SecurityRobustnessTest {
  @RegisterExtension
  static final OnairExtension ONAIR = new OnairExtension();

  private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
  /** What AWS answers a call it cannot attribute to a valid principal (any protocol). */
  private static final Pattern AUTH_ERROR = Pattern.compile("MissingAuthenticationToken|IncompleteSignature|"
      + "InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch|InvalidSignature|AccessDenied|NotAuthorized|InvalidAccessKeyId|"
      + "AuthFailure|MissingAuthentication");
  /** AWS's own unauthenticated operations (botocore {@code "authtype": "none"}): token-based, not SigV4. */
  private static final List<String> ANONYMOUS_BY_DESIGN = new ArrayList<>();

  @Test
  void everyAwsOperationWithoutValidCredentialsIsRefused() throws IOException {
    OnairProcess onair = ONAIR.process();
    List<Call> calls = new ArrayList<>(s3Calls(onair));
    Optional<Path> models = botocoreData();
    if (models.isPresent()) {
      for (String service : List.of("ivs", "iam", "sts", "cloudwatch", "service-quotas", "cloudtrail")) {
        calls.addAll(modelCalls(models.get(), service, onair));
      }
    } else {
      System.out.println("robustness security: no botocore models found (pip or Debian awscli); S3 and a fixed list only");
      calls.addAll(fixedCalls(onair));
    }
    assertThat(calls).as("operations to probe; too few would make this check meaningless").hasSizeGreaterThan(20);

    Map<String, Integer> codes = new TreeMap<>();
    List<String> accepted = new ArrayList<>();
    Map<String, Integer> otherRefusals = new TreeMap<>();
    SigningCredentials unknownKey = SigningCredentials.of("AKIAUNKNOWNKEY000001", "unknown-secret");
    SigningCredentials wrongSecret = SigningCredentials.of(OnairProcess.ADMIN_ACCESS_KEY_ID, "not-the-secret");
    try (RawHttp http = new RawHttp(onair.httpPort(), Robustness.REQUEST_TIMEOUT)) {
      for (Call call : calls) {
        for (int variant = 0; variant < 3; variant++) {
          byte[] request = switch (variant) {
            case 0 -> Robustness.raw(call.method, call.target, headers(onair, call.headers), call.body);
            case 1 -> Robustness.signed(onair, unknownKey, call.signingName, call.method, call.target, call.body,
                call.headers);
            default -> Robustness.signed(onair, wrongSecret, call.signingName, call.method, call.target, call.body,
                call.headers);
          };
          RawHttp.Reply reply = http.exchange(request);
          Matcher code = AUTH_ERROR.matcher(reply.body());
          String label = call.name + " [" + List.of("unsigned", "unknown key", "wrong secret").get(variant) + "]";
          if (reply.status() < 400 || reply.status() == 500) {
            accepted.add(label + " -> " + reply.status() + " "
                + reply.body().substring(0, Math.min(200, reply.body().length())));
          } else if (code.find()) {
            codes.merge(reply.status() + " " + code.group(), 1, Integer::sum);
          } else {
            // refused before authentication for another reason (an operation or S3 subresource Onair does not
            // serve): nothing is read or changed, but AWS would have asked for credentials first
            otherRefusals.merge(label.replaceAll(" \\[.*", "") + " -> " + reply.status(), 1, Integer::sum);
          }
        }
      }
    }
    System.out.println("robustness security: " + calls.size() + " operations x 3 credential variants refused with "
        + codes + "; refused for another reason first: " + otherRefusals
        + "; AWS's anonymous-by-design operations skipped: " + ANONYMOUS_BY_DESIGN);
    assertThat(accepted).as("operations answered (or failed with a 500) without valid credentials").isEmpty();
  }

  @Test
  void onlyHealthSignInAndPublicPlaybackAnswerAnonymousCallers() throws IOException {
    OnairProcess onair = ONAIR.process();
    try (RawHttp http = new RawHttp(onair.httpPort(), Robustness.REQUEST_TIMEOUT)) {
      assertThat(get(http, "/_onair/health").status()).isEqualTo(200);
      RawHttp.Reply signIn = get(http, "/console/signin");
      assertThat(signIn.status()).as("console sign-in page: %s", signIn.body()).isIn(200, 302, 303);
      // playback of a channel that does not exist (or is offline) is a 404, never an authentication demand
      RawHttp.Reply playback = get(http, "/api/video/v1/us-west-2.123456789012.channel.abcdEFGHijkl.m3u8");
      assertThat(playback.status()).as(playback.body()).isIn(404, 403);
      // a documented exception beyond the three above: the Prometheus scrape endpoint for local scrapers (operator
      // metrics, no customer data; the server listens on loopback unless --bind says otherwise)
      RawHttp.Reply metrics = get(http, "/_onair/metrics");
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.body()).doesNotContain(OnairProcess.ADMIN_ACCESS_KEY_ID).doesNotContain("arn:aws:iam::");
      // anything else without credentials: refused (S3 treats unknown paths as anonymous bucket access)
      for (String path : List.of("/", "/nosuchbucket", "/_onair/admin", "/_onair/", "/ListChannels")) {
        RawHttp.Reply reply = get(http, path);
        assertThat(reply.status()).as("GET %s -> %s", path, reply.body()).isIn(400, 401, 403, 404, 405);
        assertThat(reply.body()).as("GET %s must leak no data", path).doesNotContain("<Buckets><Bucket>");
      }
    }
  }

  /**
   * Two checks that cannot flake: the comparison goes through {@link java.security.MessageDigest#isEqual} (read
   * from onair-sigv4's bytecode), and a timing test of that comparison with generous bounds: a signature matching
   * 63 of 64 characters must take about as long to reject as one differing in the first character (an early-exit
   * comparison differs by a factor of several).
   */
  @Test
  void signatureComparisonIsConstantTime() throws Exception {
    Class<?> crypto = Class.forName("dev.onair.sigv4.Crypto");
    byte[] bytecode;
    try (InputStream in = crypto.getResourceAsStream("Crypto.class")) {
      bytecode = in.readAllBytes();
    }
    String constants = new String(bytecode, StandardCharsets.ISO_8859_1);
    assertThat(constants).contains("java/security/MessageDigest").contains("isEqual").contains("signaturesEqual");

    Method equal = crypto.getDeclaredMethod("signaturesEqual", String.class, String.class);
    equal.setAccessible(true);
    String expected = "7b4f0e1cd2a9b3e8f5061c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5";
    String farOff = "0" + expected.substring(1);
    String nearMiss = expected.substring(0, 63) + "0";
    for (int i = 0; i < 200_000; i++) { // warm up both paths
      equal.invoke(null, expected, farOff);
      equal.invoke(null, expected, nearMiss);
    }
    double[] ratios = new double[15];
    for (int round = 0; round < ratios.length; round++) {
      long far = time(equal, expected, farOff);
      long near = time(equal, expected, nearMiss);
      ratios[round] = (double) near / far;
    }
    Arrays.sort(ratios);
    double median = ratios[ratios.length / 2];
    System.out.printf("robustness timing: reject(63-char prefix match) / reject(first char differs) median %.3f"
        + " over %d rounds%n", median, ratios.length);
    assertThat(median).isBetween(0.5, 2.0);
  }

  @Test
  void secretsNeverReachTheLog() throws IOException {
    OnairProcess onair = ONAIR.process();
    try (RawHttp http = new RawHttp(onair.httpPort(), Robustness.REQUEST_TIMEOUT)) {
      for (int i = 0; i < 20; i++) {
        http.exchange(Robustness.signed(onair, "iam", "POST", "/",
            utf8("Action=CreateAccessKey&UserName=admin&Version=2010-05-08"), "Content-Type", FORM));
        http.exchange(Robustness.signed(onair, "sts", "POST", "/",
            utf8("Action=GetSessionToken&Version=2011-06-15"), "Content-Type", FORM));
      }
    }
    String log = onair.log();
    assertThat(log).doesNotContain(OnairProcess.ADMIN_SECRET_ACCESS_KEY);
    assertThat(log).doesNotContain("Signature=").doesNotContain("X-Amz-Signature").doesNotContain("SecretAccessKey>");
    assertThat(log).doesNotContainPattern("AWS4-HMAC-SHA256 Credential");
  }

  // ------------------------------------------------------------------ operations

  private record Call(String name, String signingName, String method, String target, String[] headers, byte[] body) {}

  private static long time(Method equal, String expected, String provided) throws Exception {
    long start = System.nanoTime();
    boolean any = false;
    for (int i = 0; i < 100_000; i++) {
      any |= (Boolean) equal.invoke(null, expected, provided);
    }
    long elapsed = System.nanoTime() - start;
    assertThat(any).isFalse();
    return elapsed;
  }

  private static RawHttp.Reply get(RawHttp http, String path) throws IOException {
    return http.exchange(utf8("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  }

  private static List<Map.Entry<String, String>> headers(OnairProcess onair, String[] namesAndValues) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Host", "127.0.0.1:" + onair.httpPort()));
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
    }
    return headers;
  }

  /** S3 as an anonymous caller would use it, against a private bucket the admin owns. */
  private static List<Call> s3Calls(OnairProcess onair) throws IOException {
    try (RawHttp http = new RawHttp(onair.httpPort(), Robustness.REQUEST_TIMEOUT)) {
      RawHttp.Reply created = http.exchange(Robustness.signed(onair, "s3", "PUT", "/robust-private", new byte[0],
          "x-amz-content-sha256", Robustness.sha256(new byte[0])));
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      http.exchange(Robustness.signed(onair, "s3", "PUT", "/robust-private/secret.txt", utf8("secret"),
          "x-amz-content-sha256", Robustness.sha256(utf8("secret"))));
    }
    String[] none = {};
    return List.of(
        new Call("s3:ListBuckets", "s3", "GET", "/", none, new byte[0]),
        new Call("s3:ListObjectsV2", "s3", "GET", "/robust-private?list-type=2", none, new byte[0]),
        new Call("s3:GetObject", "s3", "GET", "/robust-private/secret.txt", none, new byte[0]),
        new Call("s3:GetObjectAcl", "s3", "GET", "/robust-private/secret.txt?acl", none, new byte[0]),
        new Call("s3:PutObject", "s3", "PUT", "/robust-private/new.txt", none, utf8("x")),
        new Call("s3:DeleteObject", "s3", "DELETE", "/robust-private/secret.txt", none, new byte[0]),
        new Call("s3:GetBucketPolicy", "s3", "GET", "/robust-private?policy", none, new byte[0]),
        new Call("s3:PutBucketPolicy", "s3", "PUT", "/robust-private?policy", none, utf8("{}")),
        new Call("s3:DeleteBucket", "s3", "DELETE", "/robust-private", none, new byte[0]),
        new Call("s3:CreateBucket", "s3", "PUT", "/robust-anonymous-bucket", none, new byte[0]));
  }

  private static List<Call> fixedCalls(OnairProcess onair) {
    String[] json = {"Content-Type", "application/json"};
    String[] form = {"Content-Type", FORM};
    List<Call> calls = new ArrayList<>();
    for (String op : List.of("CreateChannel", "GetChannel", "ListChannels", "DeleteChannel", "CreateStreamKey",
        "ListStreamKeys", "GetStream", "StopStream", "PutMetadata")) {
      calls.add(new Call("ivs:" + op, "ivs", "POST", "/" + op, json, utf8("{}")));
    }
    for (String op : List.of("CreateUser", "ListUsers", "CreateAccessKey", "AttachUserPolicy", "CreateRole")) {
      calls.add(new Call("iam:" + op, "iam", "POST", "/", form, utf8("Action=" + op + "&Version=2010-05-08")));
    }
    for (String op : List.of("GetCallerIdentity", "AssumeRole", "GetSessionToken")) {
      calls.add(new Call("sts:" + op, "sts", "POST", "/", form, utf8("Action=" + op + "&Version=2011-06-15")));
    }
    return calls;
  }

  /** Every operation of a botocore model, as an anonymous request in each wire protocol the service speaks. */
  private static List<Call> modelCalls(Path data, String service, OnairProcess onair) throws IOException {
    Optional<Path> file;
    try (Stream<Path> files = Files.walk(data.resolve(service), 2)) {
      file = files.filter(p -> p.getFileName().toString().startsWith("service-2.json")).sorted().reduce((a, b) -> b);
    }
    if (file.isEmpty()) {
      return List.of();
    }
    JsonNode model;
    try (InputStream raw = Files.newInputStream(file.get());
        InputStream in = file.get().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      model = new ObjectMapper().readTree(in);
    }
    JsonNode metadata = model.get("metadata");
    String signingName = metadata.path("signingName").asText(metadata.path("endpointPrefix").asText());
    String version = metadata.path("apiVersion").asText();
    List<String> protocols = new ArrayList<>();
    metadata.path("protocols").forEach(p -> protocols.add(p.asText()));
    if (protocols.isEmpty()) {
      protocols.add(metadata.path("protocol").asText());
    }
    List<Call> calls = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> operations = model.get("operations").fields();
    while (operations.hasNext()) {
      Map.Entry<String, JsonNode> entry = operations.next();
      String op = entry.getKey();
      JsonNode definition = entry.getValue();
      String name = signingName + ":" + op;
      if ("none".equals(definition.path("authtype").asText())) {
        ANONYMOUS_BY_DESIGN.add(name);
        continue;
      }
      for (String protocol : protocols) {
        switch (protocol) {
          case "rest-json" -> {
            String uri = definition.path("http").path("requestUri").asText("/").replaceAll("\\{[^}]+}", "x");
            calls.add(new Call(name, signingName, definition.path("http").path("method").asText("POST"), uri,
                new String[] {"Content-Type", "application/json"}, utf8("{}")));
          }
          case "query" -> calls.add(new Call(name + " (query)", signingName, "POST", "/",
              new String[] {"Content-Type", FORM}, utf8("Action=" + op + "&Version=" + version)));
          case "json" -> calls.add(new Call(name + " (json)", signingName, "POST", "/",
              new String[] {"Content-Type", "application/x-amz-json-" + metadata.path("jsonVersion").asText("1.1"),
                  "X-Amz-Target", metadata.path("targetPrefix").asText() + "." + op}, utf8("{}")));
          case "smithy-rpc-v2-cbor" -> calls.add(new Call(name + " (cbor)", signingName, "POST",
              "/service/" + metadata.path("targetPrefix").asText() + "/operation/" + op,
              new String[] {"Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"},
              new byte[] {(byte) 0xA0}));
          default -> { }
        }
      }
    }
    return calls;
  }

  /** botocore's data directory: pip's (the image), else Debian's python3-botocore or awscli's bundled copy. */
  private static Optional<Path> botocoreData() {
    List<Path> candidates = new ArrayList<>();
    try {
      Process python = new ProcessBuilder("python3", "-c",
          "import botocore, os; print(os.path.dirname(botocore.__file__))").redirectErrorStream(true).start();
      String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (python.waitFor(30, TimeUnit.SECONDS) && python.exitValue() == 0) {
        candidates.add(Path.of(out, "data"));
      }
    } catch (IOException | InterruptedException | RuntimeException noPython) {
      // fall through to the Debian locations
    }
    candidates.add(Path.of("/usr/lib/python3/dist-packages/botocore/data"));
    candidates.add(Path.of("/usr/lib/python3/dist-packages/awscli/botocore/data"));
    return candidates.stream().filter(p -> Files.isDirectory(p.resolve("iam"))).findFirst();
  }
}

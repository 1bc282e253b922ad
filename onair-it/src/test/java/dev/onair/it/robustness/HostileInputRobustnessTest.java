package dev.onair.it.robustness;

import static dev.onair.it.robustness.Robustness.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import dev.onair.rtmp.amf.Amf0Writer;
import dev.onair.rtmp.chunk.ChunkEncoder;
import dev.onair.rtmp.message.RawMessage;
import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.Collections;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;

/**
 * Hostile input against the running server, over raw sockets: mutated and random Query, JSON and CBOR bodies that
 * are validly signed (so they reach the protocol parsers, the policy parser and the service validators), mutated
 * SigV4 Authorization headers and presigned query strings, oversized headers/bodies/policies, invalid UTF-8, and
 * garbage on the RTMP port after a valid handshake.
 *
 * <p>For every input: no 5xx, an answer (or a close) within {@link Robustness#REQUEST_TIMEOUT}, and no mutated
 * signature is ever accepted. After every family: health answers and a valid signed call still succeeds. Input
 * counts and seed: see {@link Robustness}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputRobustnessTest {
  private static final int RTMP_PORT = freePort();

  @RegisterExtension
  static final OnairExtension ONAIR = new OnairExtension("--rtmp-port", Integer.toString(RTMP_PORT));

  private static final long SEED = Robustness.seed();
  private static final Map<String, String> SUMMARY = new LinkedHashMap<>();
  private static long rssBefore;

  private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ivs:Get*\",\"s3:GetObject\"],"
          + "\"Resource\":\"arn:aws:s3:::b/${aws:username}/*\",\"Condition\":{\"StringLike\":{\"aws:UserAgent\":"
          + "\"*cli*\"},\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},\"DateLessThan\":{\"aws:CurrentTime\":"
          + "\"2030-01-01T00:00:00Z\"}}},{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\",\"NotResource\":\"*\"}]}";

  @BeforeAll
  static void setUp() throws IOException {
    System.out.println("robustness seed " + SEED + " (replay with -Donair.robustness.seed=" + SEED + "), "
        + Robustness.inputs() + " inputs per family");
    rssBefore = Robustness.rssKib(ONAIR.process());
    // the user the mutated IAM calls aim at, so that none of them can touch the admin
    try (RawHttp http = http()) {
      RawHttp.Reply reply = http.exchange(Robustness.signed(ONAIR.process(), "iam", "POST", "/",
          utf8("Action=CreateUser&UserName=fuzz&Version=2010-05-08"), "Content-Type", FORM));
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
  }

  @AfterAll
  static void report() {
    OnairProcess onair = ONAIR.process();
    long rssAfter = Robustness.rssKib(onair);
    SUMMARY.forEach((family, line) -> System.out.println("robustness " + family + ": " + line));
    System.out.println("robustness RSS: " + rssBefore / 1024 + " MiB before, " + rssAfter / 1024 + " MiB after");
    String log = onair.log();
    assertThat(log).as("a request failed outside the handlers (see the log)").doesNotContain("failed outside the handler");
    assertThat(log).doesNotContain("OutOfMemoryError");
    assertThat(log).as("secrets never logged").doesNotContain(OnairProcess.ADMIN_SECRET_ACCESS_KEY);
  }

  // ------------------------------------------------------------------ families

  @Test
  @Order(1)
  void queryBodies() throws IOException {
    String policy = URLEncoder.encode(POLICY, StandardCharsets.UTF_8);
    String[][] seeds = {
      {"iam", "Action=GetUser&UserName=fuzz&Version=2010-05-08"},
      {"iam", "Action=ListUsers&MaxItems=5&PathPrefix=%2F&Version=2010-05-08"},
      {"iam", "Action=TagUser&UserName=fuzz&Tags.member.1.Key=team&Tags.member.1.Value=blue&Version=2010-05-08"},
      {"iam", "Action=PutUserPolicy&UserName=fuzz&PolicyName=p&PolicyDocument=" + policy + "&Version=2010-05-08"},
      {"iam", "Action=SimulateCustomPolicy&PolicyInputList.member.1=" + policy
          + "&ActionNames.member.1=ivs%3AGetChannel&ResourceArns.member.1=*&Version=2010-05-08"},
      {"iam", "Action=CreatePolicy&PolicyName=fz&PolicyDocument=" + policy + "&Version=2010-05-08"},
      {"sts", "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fnone&RoleSessionName=s"
          + "&DurationSeconds=900&Policy=" + policy + "&Version=2011-06-15"},
      {"sts", "Action=GetCallerIdentity&Version=2011-06-15"},
      {"monitoring", "Action=PutMetricData&Namespace=Fuzz&MetricData.member.1.MetricName=m"
          + "&MetricData.member.1.Value=1.5&MetricData.member.1.Dimensions.member.1.Name=d"
          + "&MetricData.member.1.Dimensions.member.1.Value=v&Version=2010-08-01"},
      {"monitoring", "Action=ListMetrics&Namespace=Fuzz&Version=2010-08-01"},
    };
    fire("query", SEED + 1, mutator -> {
      String[] seed = seeds[mutator.random().nextInt(seeds.length)];
      byte[] body = mutator.random().nextInt(10) == 0 ? mutator.randomBytes(512) : mutator.mutate(utf8(seed[1]));
      return Robustness.signed(ONAIR.process(), seed[0], "POST", "/", body, "Content-Type", FORM);
    });
  }

  @Test
  @Order(2)
  void jsonBodies() throws IOException {
    String channelArn = "arn:aws:ivs:us-east-1:123456789012:channel/abcdEFGHijkl";
    String[][] seeds = { // service, path, X-Amz-Target (or ""), content type, body
      {"ivs", "/CreateChannel", "", "application/json",
          "{\"name\":\"fz\",\"latencyMode\":\"LOW\",\"type\":\"STANDARD\",\"authorized\":false,\"tags\":{\"k\":\"v\"}}"},
      {"ivs", "/ListChannels", "", "application/json", "{\"maxResults\":5,\"filterByName\":\"fz\"}"},
      {"ivs", "/GetChannel", "", "application/json", "{\"arn\":\"" + channelArn + "\"}"},
      {"ivs", "/UpdateChannel", "", "application/json", "{\"arn\":\"" + channelArn + "\",\"name\":\"x\"}"},
      {"ivs", "/PutMetadata", "", "application/json", "{\"channelArn\":\"" + channelArn + "\",\"metadata\":\"m\"}"},
      {"ivs", "/CreateRecordingConfiguration", "", "application/json",
          "{\"destinationConfiguration\":{\"s3\":{\"bucketName\":\"no-such-bucket\"}},\"name\":\"r\","
              + "\"thumbnailConfiguration\":{\"recordingMode\":\"INTERVAL\",\"targetIntervalSeconds\":30}}"},
      {"ivs", "/ImportPlaybackKeyPair", "", "application/json",
          "{\"publicKeyMaterial\":\"-----BEGIN PUBLIC KEY-----\\nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE\\n-----END PUBLIC"
              + " KEY-----\",\"name\":\"k\"}"},
      {"servicequotas", "/", "ServiceQuotasV20190624.GetServiceQuota", "application/x-amz-json-1.1",
          "{\"ServiceCode\":\"ivs\",\"QuotaCode\":\"L-7A3B2C02\"}"},
      {"servicequotas", "/", "ServiceQuotasV20190624.ListServiceQuotas", "application/x-amz-json-1.1",
          "{\"ServiceCode\":\"ivs\",\"MaxResults\":10}"},
      {"cloudtrail", "/", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents",
          "application/x-amz-json-1.1",
          "{\"MaxResults\":5,\"LookupAttributes\":[{\"AttributeKey\":\"EventName\",\"AttributeValue\":\"GetUser\"}]}"},
      {"monitoring", "/", "GraniteServiceVersion20100801.PutMetricData", "application/x-amz-json-1.0",
          "{\"Namespace\":\"Fuzz\",\"MetricData\":[{\"MetricName\":\"m\",\"Value\":1.5,\"Unit\":\"Count\"}]}"},
    };
    fire("json", SEED + 2, mutator -> {
      String[] seed = seeds[mutator.random().nextInt(seeds.length)];
      byte[] body = mutator.random().nextInt(10) == 0 ? mutator.randomBytes(512) : mutator.mutate(utf8(seed[4]));
      List<String> headers = new ArrayList<>(List.of("Content-Type", seed[3]));
      if (!seed[2].isEmpty()) {
        headers.addAll(List.of("X-Amz-Target", seed[2]));
      }
      if (seed[0].equals("monitoring")) {
        headers.addAll(List.of("x-amzn-query-mode", "true"));
      }
      return Robustness.signed(ONAIR.process(), seed[0], "POST", seed[1], body, headers.toArray(String[]::new));
    });
  }

  @Test
  @Order(3)
  void cborBodies() throws IOException {
    List<byte[]> seeds = List.of(
        Cbor.encode(Map.of()),
        Cbor.encode(Map.of("Namespace", "Fuzz")),
        Cbor.encode(Map.of("Namespace", "Fuzz", "MetricData", List.of(Map.of("MetricName", "m", "Value", 1.5,
            "Dimensions", List.of(Map.of("Name", "d", "Value", "v")))))),
        Cbor.encode(Map.of("MetricDataQueries", List.of(Map.of("Id", "q1", "MetricStat", Map.of("Metric",
            Map.of("Namespace", "Fuzz", "MetricName", "m"), "Period", 60, "Stat", "Sum"))),
            "StartTime", Cbor.epoch(1_700_000_000), "EndTime", Cbor.epoch(1_700_003_600))));
    String[] operations = {"ListMetrics", "PutMetricData", "GetMetricData", "DescribeAlarms"};
    fire("cbor", SEED + 3, mutator -> {
      Random random = mutator.random();
      byte[] body = switch (random.nextInt(10)) {
        case 0 -> mutator.randomBytes(256);
        case 1 -> Cbor.hostile(random);
        default -> mutator.mutate(seeds.get(random.nextInt(seeds.size())));
      };
      String path = "/service/GraniteServiceVersion20100801/operation/" + operations[random.nextInt(operations.length)];
      return Robustness.signed(ONAIR.process(), "monitoring", "POST", path, body, "Content-Type", "application/cbor",
          "Accept", "application/cbor", "smithy-protocol", "rpc-v2-cbor");
    });
  }

  @Test
  @Order(4)
  void sigV4AuthorizationHeaders() throws IOException {
    byte[] body = utf8("Action=GetCallerIdentity&Version=2011-06-15");
    String[] structured = {
      "", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 ,,,,",
      "AWS4-HMAC-SHA256 Credential=AKIAONAIRITADMIN0001/20240101/us-east-1/sts/aws4_request, SignedHeaders=host, "
          + "Signature=" + "0".repeat(64),
      "AWS4-HMAC-SHA256 Credential=" + "A".repeat(5000) + ", SignedHeaders=" + "a;".repeat(3000)
          + ", Signature=zz",
      "AWS4-ECDSA-P256-SHA256 Credential=x", "AWS AKIAONAIRITADMIN0001:c2lnbmF0dXJl", "Basic YWRtaW46YWRtaW4=",
      "Bearer x", "AWS4-HMAC-SHA256 Credential=AKIAONAIRITADMIN0001/../../../../etc/passwd, SignedHeaders=, "
          + "Signature=",
    };
    fire("sigv4-header", SEED + 4, mutator -> {
      Random random = mutator.random();
      byte[] signed = Robustness.signed(ONAIR.process(), "sts", "POST", "/", body, "Content-Type", FORM);
      String text = new String(signed, StandardCharsets.ISO_8859_1);
      int headEnd = text.indexOf("\r\n\r\n");
      String head = text.substring(0, headEnd);
      String original = headerValue(head, "Authorization");
      String mutatedHead;
      int kind = random.nextInt(5);
      switch (kind) {
        case 0 -> mutatedHead = replaceHeader(head, "Authorization",
            new String(mutator.mutate(original.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1));
        case 1 -> mutatedHead = replaceHeader(head, "X-Amz-Date",
            new String(mutator.mutate(utf8(headerValue(head, "X-Amz-Date"))), StandardCharsets.ISO_8859_1));
        case 2 -> mutatedHead = replaceHeader(head, "Authorization", structured[random.nextInt(structured.length)]);
        case 3 -> mutatedHead = head + "\r\nAuthorization: " + structured[random.nextInt(structured.length)]
            + "\r\nX-Amz-Security-Token: " + new String(mutator.randomBytes(40), StandardCharsets.ISO_8859_1);
        default -> mutatedHead =
            new String(mutator.mutate(head.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
      }
      return new Probe(Robustness.concat((mutatedHead + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body),
          signatureOf(original), true);
    });
  }

  @Test
  @Order(5)
  void presignedQueryStrings() throws IOException {
    fire("sigv4-presigned", SEED + 5, mutator -> {
      SigningRequest presigned = new SigV4Signer().presign(
          SigningRequest.of("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", (String) null,
              "Host", "127.0.0.1:" + ONAIR.process().httpPort()),
          Robustness.admin(), "us-east-1", "sts", Instant.now(), Duration.ofMinutes(5), false);
      String original = presigned.rawQuery();
      byte[] query = mutator.mutate(original.getBytes(StandardCharsets.ISO_8859_1));
      byte[] line = Robustness.concat(utf8("GET /?"), query);
      byte[] request = Robustness.concat(line, utf8(" HTTP/1.1\r\nHost: 127.0.0.1:" + ONAIR.process().httpPort()
          + "\r\n\r\n"));
      Matcher signature = Pattern.compile("X-Amz-Signature=([0-9a-f]{64})").matcher(original);
      return new Probe(request, signature.find() ? signature.group(1) : null, true);
    });
  }

  @Test
  @Order(6)
  void oversizedAndInvalidUtf8() throws IOException {
    OnairProcess onair = ONAIR.process();
    String host = "Host: 127.0.0.1:" + onair.httpPort() + "\r\n";
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("64 KiB header value", utf8("GET /_onair/health HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(65536)
        + "\r\n\r\n"));
    cases.put("2,000 headers", utf8("GET /_onair/health HTTP/1.1\r\n" + host + "X-H: v\r\n".repeat(2000) + "\r\n"));
    cases.put("100 KiB request target", utf8("GET /" + "a".repeat(102_400) + " HTTP/1.1\r\n" + host + "\r\n"));
    cases.put("declared 1 TB body, none sent", utf8("POST / HTTP/1.1\r\n" + host
        + "Content-Type: " + FORM + "\r\nContent-Length: 1000000000000\r\n\r\n"));
    cases.put("declared 1 TB body with Expect: 100-continue", utf8("POST / HTTP/1.1\r\n" + host
        + "Content-Type: " + FORM + "\r\nExpect: 100-continue\r\nContent-Length: 1000000000000\r\n\r\n"));
    cases.put("unsigned query with an invalid percent escape", utf8("GET /?a=%zz HTTP/1.1\r\n" + host + "\r\n"));
    cases.put("unsigned query ending in a lone %", utf8("GET /?a=% HTTP/1.1\r\n" + host + "\r\n"));
    cases.put("unsigned query with percent-encoded invalid UTF-8", utf8("GET /?Action=GetCallerIdentity"
        + "&Version=2%C0%AF011-06-15 HTTP/1.1\r\n" + host + "\r\n"));
    cases.put("negative Content-Length", utf8("POST / HTTP/1.1\r\n" + host + "Content-Length: -5\r\n\r\n"));
    cases.put("two Content-Lengths", utf8("POST / HTTP/1.1\r\n" + host + "Content-Length: 5\r\nContent-Length: 7"
        + "\r\n\r\nabcdefg"));
    cases.put("chunked size overflow", utf8("POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n"
        + "FFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n"));
    cases.put("invalid UTF-8 in path and header", Robustness.concat(utf8("GET /_onair/\u0000"),
        Robustness.concat(new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xFF}, utf8(" HTTP/1.1\r\n" + host
            + "X-Amz-Date: \u00ff\u00fe\r\n\r\n"))));
    cases.put("200 KiB IAM policy", Robustness.signed(onair, "iam", "POST", "/", utf8("Action=CreatePolicy"
        + "&PolicyName=big&Version=2010-05-08&PolicyDocument=" + URLEncoder.encode(bigPolicy(200_000),
        StandardCharsets.UTF_8)), "Content-Type", FORM));
    cases.put("1 MiB simulated policy", Robustness.signed(onair, "iam", "POST", "/", utf8("Action=SimulateCustomPolicy"
        + "&ActionNames.member.1=s3%3AGetObject&Version=2010-05-08&PolicyInputList.member.1="
        + URLEncoder.encode(bigPolicy(1 << 20), StandardCharsets.UTF_8)), "Content-Type", FORM));
    cases.put("20 KiB inline user policy", Robustness.signed(onair, "iam", "POST", "/", utf8("Action=PutUserPolicy"
        + "&UserName=fuzz&PolicyName=big&Version=2010-05-08&PolicyDocument="
        + URLEncoder.encode(bigPolicy(20_000), StandardCharsets.UTF_8)), "Content-Type", FORM));
    cases.put("policy nested 100,000 deep", Robustness.signed(onair, "iam", "POST", "/", utf8("Action=CreatePolicy"
        + "&PolicyName=deep&Version=2010-05-08&PolicyDocument=" + "%5B".repeat(100_000)), "Content-Type", FORM));
    cases.put("JSON nested 1,000,000 deep", Robustness.signed(onair, "ivs", "POST", "/CreateChannel",
        utf8("[".repeat(1_000_000)), "Content-Type", "application/json"));
    cases.put("1 MiB channel name", Robustness.signed(onair, "ivs", "POST", "/CreateChannel",
        utf8("{\"name\":\"" + "n".repeat(1 << 20) + "\"}"), "Content-Type", "application/json"));
    cases.put("invalid UTF-8 in a JSON string", Robustness.signed(onair, "ivs", "POST", "/CreateChannel",
        Robustness.concat(utf8("{\"name\":\"a"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}),
        "Content-Type", "application/json"));
    cases.put("invalid UTF-8 in a Query value", Robustness.signed(onair, "iam", "POST", "/",
        Robustness.concat(utf8("Action=GetUser&Version=2010-05-08&UserName="), new byte[] {(byte) 0xFF, (byte) 0xC0}),
        "Content-Type", FORM));
    cases.put("percent-encoded invalid UTF-8 in a Query value", Robustness.signed(onair, "iam", "POST", "/",
        utf8("Action=GetUser&Version=2010-05-08&UserName=%FF%C0%AF%ED%A0%80"), "Content-Type", FORM));
    Map<String, byte[]> tolerated = new LinkedHashMap<>(); // AWS ignores unknown Query parameters: only no 5xx
    tolerated.put("100,000 Query parameters", Robustness.signed(onair, "iam", "POST", "/",
        utf8("Action=ListUsers&Version=2010-05-08" + "&a=b".repeat(100_000)), "Content-Type", FORM));
    tolerated.put("Query name 100,000 segments deep", Robustness.signed(onair, "iam", "POST", "/",
        utf8("Action=ListUsers&Version=2010-05-08&A" + ".member.1".repeat(50_000) + "=v"), "Content-Type", FORM));
    // CreateBucket reads its body before the bucket exists, so these reach the XML parser; none creates a bucket
    byte[] deepXml = utf8("<CreateBucketConfiguration><LocationConstraint>" + "<a>".repeat(1_000_000)
        + "</LocationConstraint></CreateBucketConfiguration>");
    cases.put("S3 XML nested 1,000,000 deep", Robustness.signed(onair, "s3", "PUT", "/fuzz-xml-deep", deepXml,
        "x-amz-content-sha256", Robustness.sha256(deepXml)));
    byte[] xxe = utf8("<!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><CreateBucketConfiguration>"
        + "<LocationConstraint>&x;</LocationConstraint></CreateBucketConfiguration>");
    cases.put("S3 XML external entity (XXE)", Robustness.signed(onair, "s3", "PUT", "/fuzz-xml-xxe", xxe,
        "x-amz-content-sha256", Robustness.sha256(xxe)));
    cases.put("CBOR text claiming 2^63 bytes", Robustness.signed(onair, "monitoring", "POST",
        "/service/GraniteServiceVersion20100801/operation/ListMetrics",
        new byte[] {(byte) 0xA1, 0x7B, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, 'a'},
        "Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"));
    cases.put("CBOR nested 100,000 deep", Robustness.signed(onair, "monitoring", "POST",
        "/service/GraniteServiceVersion20100801/operation/ListMetrics", filled(100_000, (byte) 0x81),
        "Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"));

    Map<String, Integer> statuses = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    cases.putAll(tolerated);
    for (Map.Entry<String, byte[]> entry : cases.entrySet()) {
      boolean mustRefuse = !tolerated.containsKey(entry.getKey());
      long start = System.nanoTime();
      try (RawHttp http = http()) {
        RawHttp.Reply reply = http.exchange(entry.getValue());
        long millis = (System.nanoTime() - start) / 1_000_000;
        statuses.put(entry.getKey(), reply.status());
        // refused: a 4xx, or a closed connection for what HTTP cannot even parse
        boolean refused = reply.status() == -1 || (reply.status() >= 400 && reply.status() < 500);
        if (reply.status() >= 500 || (mustRefuse && !refused)) {
          failures.add(entry.getKey() + " must be refused with a 4xx, got " + reply.status() + " after " + millis
              + " ms: " + reply.body().substring(0, Math.min(300, reply.body().length())));
        }
      } catch (RawHttp.Hang hang) {
        failures.add(entry.getKey() + ": " + hang.getMessage());
      }
    }
    SUMMARY.put("oversized/invalid", statuses.toString());
    assertHealthy();
    assertThat(failures).as("oversized or invalid inputs that were not refused").isEmpty();
  }

  /** Garbage on other connections leaves a real broadcast alone: same stream, still LIVE, encoder connected. */
  @Test
  @Order(7)
  void rtmpGarbageAfterHandshake() throws Exception {
    Path clip = RecordingFixture.clip(6, 300);
    Process bystander = null;
    try (IvsClient ivs = RecordingFixture.ivs(ONAIR.process())) {
      CreateChannelResponse channel = ivs.createChannel(r -> r.name("fuzz-bystander").insecureIngest(true)
          .latencyMode("NORMAL"));
      String arn = channel.channel().arn();
      bystander = RecordingFixture.publish(clip, RTMP_PORT, channel.streamKey().value());
      RecordingFixture.await("the bystander broadcast LIVE", Duration.ofSeconds(30),
          () -> RecordingFixture.live(ivs, arn));
      String streamId = ivs.getStream(r -> r.channelArn(arn)).stream().streamId();
      rtmpGarbage();
      assertThat(bystander.isAlive()).as("the bystander's encoder is still connected").isTrue();
      assertThat(RecordingFixture.live(ivs, arn)).as("the bystander is still LIVE").isTrue();
      assertThat(ivs.getStream(r -> r.channelArn(arn)).stream().streamId()).as("in the same stream")
          .isEqualTo(streamId);
      assertThat(RecordingFixture.events(ivs, arn)).as("its session never ended").doesNotContain("Stream End");
    } finally {
      RecordingFixture.stop(bystander);
      Files.deleteIfExists(clip);
    }
  }

  private void rtmpGarbage() throws IOException {
    Mutator mutator = new Mutator(new Random(SEED + 7));
    byte[] publishSeed = publishSequence();
    int inputs = Robustness.inputs();
    long start = System.nanoTime();
    int closedByServer = 0;
    for (int i = 0; i < inputs; i++) {
      Random random = mutator.random();
      byte[] garbage = switch (random.nextInt(4)) {
        case 0 -> mutator.randomBytes(random.nextInt(10) == 0 ? 65536 : 2048);
        default -> mutator.mutate(publishSeed);
      };
      boolean observe = i % 50 == 0;
      try (Socket socket = rtmpHandshake()) {
        OutputStream out = socket.getOutputStream();
        try {
          out.write(garbage);
          out.flush();
        } catch (IOException closed) {
          closedByServer++;
          continue;
        }
        if (observe) {
          socket.setSoTimeout(300);
          try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
              // drain whatever the server answers until it closes or goes quiet
            }
            closedByServer++;
          } catch (IOException quietOrReset) {
            // quiet (waiting for more bytes) is fine; the idle timeout reclaims the connection
          }
        }
      }
      if (i % 200 == 199) {
        assertRtmpAlive();
      }
    }
    SUMMARY.put("rtmp", inputs + " garbage streams after a valid handshake in "
        + (System.nanoTime() - start) / 1_000_000 + " ms; server closed " + closedByServer + " of those observed");
    assertRtmpAlive();
    assertHealthy();
  }

  @Test
  @Order(8)
  void s3XmlBodies() throws IOException {
    String bucket = "fuzz-xml";
    String sha = "x-amz-content-sha256";
    byte[] empty = new byte[0];
    String uploadId;
    try (RawHttp http = http()) {
      RawHttp.Reply created = http.exchange(Robustness.signed(ONAIR.process(), "s3", "PUT", "/" + bucket, empty,
          sha, Robustness.sha256(empty)));
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      // no part is ever uploaded, so no mutated CompleteMultipartUpload can complete it and end the target
      RawHttp.Reply upload = http.exchange(Robustness.signed(ONAIR.process(), "s3", "POST", "/" + bucket
          + "/upload?uploads", empty, sha, Robustness.sha256(empty)));
      assertThat(upload.status()).as(upload.body()).isEqualTo(200);
      uploadId = HostileXml.uploadId(upload.body());
    }
    String[][] targets = { // method, path and query, seed body
      {"PUT", "/" + bucket, HostileXml.CREATE_BUCKET},
      {"POST", "/" + bucket + "?delete", HostileXml.DELETE},
      {"POST", "/" + bucket + "/upload?uploadId=" + uploadId, HostileXml.COMPLETE},
    };
    try (HostileXml.Canary canary = new HostileXml.Canary()) {
      fire("xml", SEED + 8, mutator -> {
        Random random = mutator.random();
        String[] target = targets[random.nextInt(targets.length)];
        byte[] body = switch (random.nextInt(10)) {
          case 0 -> mutator.randomBytes(512);
          case 1, 2 -> HostileXml.hostile(random, canary.port());
          default -> mutator.mutate(utf8(target[2]));
        };
        return Robustness.signed(ONAIR.process(), "s3", target[0], target[1], body, sha, Robustness.sha256(body),
            "Content-Type", "application/xml");
      });
      assertThat(canary.firstLines()).as("external references the server followed (XXE)").isEmpty();
      assertThat(canary.contacts()).isZero();
    }
  }

  // ------------------------------------------------------------------ driver

  /**
   * A request; for mutated signatures, the one signature value that may be accepted; whether its framing may be
   * broken (then it is sent followed by a half-close, see {@link RawHttp#exchange(byte[], boolean)}).
   */
  record Probe(byte[] request, String originalSignature, boolean framingMayBreak) {}

  /** Parallel connections per family: the machine is small and shared, and the server has a worker pool. */
  private static final int CONNECTIONS = 4;

  /**
   * Sends {@link Robustness#inputs()} inputs over {@link #CONNECTIONS} connections, each with its own mutator seeded
   * from {@code seed} (so a seed replays the same inputs per connection).
   */
  private void fire(String family, long seed, Function<Mutator, Object> inputs) throws IOException {
    int count = Robustness.inputs();
    Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < CONNECTIONS; t++) {
      Mutator mutator = new Mutator(new Random(seed * 31 + t));
      int share = count / CONNECTIONS + (t < count % CONNECTIONS ? 1 : 0);
      Thread thread = new Thread(() -> {
        try (RawHttp http = http()) {
          for (int i = 0; i < share && failures.isEmpty(); i++) {
            Object input = inputs.apply(mutator);
            Probe probe = input instanceof Probe p ? p : new Probe((byte[]) input, null, false);
            RawHttp.Reply reply;
            try {
              reply = http.exchange(probe.request(), probe.framingMayBreak());
            } catch (RawHttp.Hang hang) {
              failures.add(family + " input hung (" + hang.getMessage() + "): " + printable(probe.request()));
              return;
            }
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() >= 500) {
              failures.add(family + " input -> " + reply.status() + " " + reply.body() + "\ninput: "
                  + printable(probe.request()));
            }
            if (reply.body().contains("root:x:0:0")) {
              failures.add(family + " input answered with /etc/passwd (external entity resolved): "
                  + printable(probe.request()));
            }
            if (probe.originalSignature() != null && reply.status() >= 200 && reply.status() < 300) {
              String used = signatureOf(new String(probe.request(), StandardCharsets.ISO_8859_1));
              if (!probe.originalSignature().equals(used)) {
                failures.add(family + " input was accepted with a changed signature: " + printable(probe.request()));
              }
            }
            if (sent.incrementAndGet() % 500 == 0) {
              assertHealthy();
            }
          }
        } catch (IOException | RuntimeException | AssertionError e) {
          failures.add(family + ": " + e);
        }
      }, "robustness-" + family + "-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    SUMMARY.put(family, sent.get() + " inputs over " + CONNECTIONS + " connections in "
        + (System.nanoTime() - start) / 1_000_000 + " ms, statuses " + statuses
        + " (-1 = connection closed without an answer)");
    // now as well as in the summary: a long run stopped part-way still shows the families it finished
    System.out.println("robustness " + family + ": " + SUMMARY.get(family) + (failures.isEmpty() ? "" : ", FAILED"));
    assertThat(failures).as(family + " (seed " + seed + ")").isEmpty();
    assertHealthy();
  }

  private static void assertHealthy() throws IOException {
    OnairProcess onair = ONAIR.process();
    assertThat(onair.isAlive()).as("server process alive").isTrue();
    try (RawHttp http = new RawHttp(onair.httpPort(), Duration.ofSeconds(10))) {
      RawHttp.Reply health = http.exchange(utf8("GET /_onair/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
      assertThat(health.status()).as("health").isEqualTo(200);
      RawHttp.Reply identity = http.exchange(Robustness.signed(onair, "sts", "POST", "/",
          utf8("Action=GetCallerIdentity&Version=2011-06-15"), "Content-Type", FORM));
      assertThat(identity.status()).as("a valid signed call: %s", identity.body()).isEqualTo(200);
    }
  }

  private static RawHttp http() {
    return new RawHttp(ONAIR.process().httpPort(), Robustness.REQUEST_TIMEOUT);
  }

  // ------------------------------------------------------------------ RTMP

  private static Socket rtmpHandshake() throws IOException {
    Socket socket = new Socket();
    socket.setSoTimeout((int) Robustness.REQUEST_TIMEOUT.toMillis());
    socket.connect(new InetSocketAddress("127.0.0.1", RTMP_PORT), 5000);
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    byte[] c1 = new byte[1536];
    new Random().nextBytes(c1);
    Arrays.fill(c1, 0, 8, (byte) 0);
    out.write(3);
    out.write(c1);
    out.flush();
    byte[] s0s1s2 = in.readNBytes(1 + 1536 + 1536);
    if (s0s1s2.length != 3073 || s0s1s2[0] != 3) {
      throw new AssertionError("RTMP handshake failed: got " + s0s1s2.length + " bytes");
    }
    out.write(s0s1s2, 1, 1536); // C2 echoes S1
    out.flush();
    return socket;
  }

  private static void assertRtmpAlive() throws IOException {
    try (Socket socket = rtmpHandshake()) {
      assertThat(socket.isConnected()).isTrue();
    }
  }

  /** A valid publisher's opening: set chunk size, connect, createStream, publish. The seed for mutation. */
  private static byte[] publishSequence() {
    ChunkEncoder encoder = new ChunkEncoder(true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encoder.encode(new RawMessage(2, 1, 0, 0, new byte[] {0, 0, 0x10, 0}), out);
    encoder.setChunkSize(4096);
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("app", "app");
    app.put("type", "nonprivate");
    app.put("flashVer", "FMLE/3.0");
    app.put("tcUrl", "rtmp://127.0.0.1/app");
    encoder.encode(new RawMessage(3, 20, 0, 0, Amf0Writer.encode(List.of("connect", 1.0, app))), out);
    encoder.encode(new RawMessage(3, 20, 0, 0, Amf0Writer.encode(Arrays.asList("releaseStream", 2.0, null,
        "sk_us-east-1_abcdefghijkl_fuzz"))), out);
    encoder.encode(new RawMessage(3, 20, 0, 0, Amf0Writer.encode(Arrays.asList("createStream", 3.0, null))), out);
    encoder.encode(new RawMessage(8, 20, 0, 1, Amf0Writer.encode(Arrays.asList("publish", 4.0, null,
        "sk_us-east-1_abcdefghijkl_fuzz", "live"))), out);
    encoder.encode(new RawMessage(6, 9, 0, 1, new byte[] {0x17, 0, 0, 0, 0, 1, 0x64, 0, 0x1F, (byte) 0xFF,
        (byte) 0xE1, 0, 4, 0x67, 0x64, 0, 0x1F, 1, 0, 4, 0x68, (byte) 0xEE, 0x3C, (byte) 0x80}), out);
    encoder.encode(new RawMessage(4, 8, 0, 1, new byte[] {(byte) 0xAF, 0, 0x12, 0x10}), out);
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ small helpers

  private static String headerValue(String head, String name) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return "";
  }

  private static String replaceHeader(String head, String name, String value) {
    StringBuilder out = new StringBuilder();
    for (String line : head.split("\r\n", -1)) {
      if (out.length() > 0) {
        out.append("\r\n");
      }
      out.append(line.regionMatches(true, 0, name + ":", 0, name.length() + 1) ? name + ": " + value : line);
    }
    return out.toString();
  }

  private static String signatureOf(String text) {
    Matcher matcher = Pattern.compile("Signature=\\s*([0-9a-fA-F]+)").matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String bigPolicy(int bytes) {
    StringBuilder statements = new StringBuilder();
    int i = 0;
    while (statements.length() < bytes) {
      statements.append(i == 0 ? "" : ",").append("{\"Sid\":\"S").append(i++)
          .append("\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/k")
          .append(i).append("\"}");
    }
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
  }

  private static byte[] filled(int n, byte value) {
    byte[] out = new byte[n];
    Arrays.fill(out, value);
    return out;
  }

  static String printable(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, 600); i++) {
      int b = bytes[i] & 0xFF;
      if (b == '\r') {
        out.append("\\r");
      } else if (b == '\n') {
        out.append("\\n");
      } else if (b < 0x20 || b > 0x7E) {
        out.append(String.format("\\x%02x", b));
      } else {
        out.append((char) b);
      }
    }
    return bytes.length > 600 ? out + "... (" + bytes.length + " bytes)" : out.toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

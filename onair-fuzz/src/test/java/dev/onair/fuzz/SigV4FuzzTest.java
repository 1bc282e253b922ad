package dev.onair.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sigv4.ParsedSignature;
import dev.onair.sigv4.SigV4;
import dev.onair.sigv4.SigV4Exception;
import dev.onair.sigv4.SigV4Parser;
import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SignatureV4Verifier;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import dev.onair.sigv4.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Mutated SigV4 Authorization headers (with X-Amz-Date) and presigned query strings of requests the signer made:
 * the parser returns a signature or throws SigV4Exception, the verifier returns an outcome, and no changed
 * signature is ever accepted. Caps are Netty's defaults on the listener: 8 KiB of headers, a 4 KiB request line.
 */
@AddLifecycleHook(FuzzTries.class)
class SigV4FuzzTest {
  static final int HEADER_CAP = 8192;
  static final int REQUEST_LINE_CAP = 4096;
  private static final Bounded.Limit LIMIT = new Bounded.Limit(Bounded.FIRST_USE, 200);
  private static final Instant NOW = Instant.parse("2026-11-30T07:00:00Z");
  private static final SigningCredentials KEY = SigningCredentials.of("AKIAFUZZFUZZFUZZ0001", "fuzz-secret");
  private static final SignatureV4Verifier VERIFIER = new SignatureV4Verifier();
  private static final SigV4Signer SIGNER = new SigV4Signer();

  /** Signed requests: sts over Query, s3 with its rules and a content hash header, IVS restJson with a token. */
  private static final List<SigningRequest> SIGNED = List.of(
      SIGNER.sign(SigningRequest.of("POST", "/", SigV4.EMPTY_SHA256, "Host", "127.0.0.1:8080", "Content-Type",
          "application/x-www-form-urlencoded; charset=utf-8"), KEY, "us-east-1", "sts", NOW, false),
      SIGNER.sign(SigningRequest.of("PUT", "/bucket/a%20key.txt?tagging", SigV4.EMPTY_SHA256, "Host",
          "127.0.0.1:8080", "x-amz-meta-a", "  b  c "), KEY, "us-east-1", "s3", NOW, true),
      SIGNER.sign(SigningRequest.of("POST", "/CreateChannel", SigV4.EMPTY_SHA256, "Host", "ivs.local"),
          new SigningCredentials("ASIAFUZZFUZZFUZZ0001", "s", "session-token/+="), "eu-west-1", "ivs", NOW, false));
  private static final List<SigningRequest> PRESIGNED = List.of(
      SIGNER.presign(SigningRequest.of("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", (String) null, "Host",
          "127.0.0.1:8080"), KEY, "us-east-1", "sts", NOW, Duration.ofMinutes(5), false),
      SIGNER.presign(SigningRequest.of("GET", "/bucket/k%2Fey?versionId=3&x-id=GetObject", (String) null, "Host",
          "127.0.0.1:8080"), KEY, "us-east-1", "s3", NOW, Duration.ofDays(7), true));
  private static final List<String> TOKENS = List.of("AWS4-HMAC-SHA256", "Credential=", "SignedHeaders=",
      "Signature=", ",", ", ", ";", "/", "=", "&", "%", "%zz", "%2F", "%00", "+", " ", "\t", "aws4_request",
      "X-Amz-Expires=", "X-Amz-Expires=604801", "X-Amz-Expires=-1", "X-Amz-Date=", "99999999999999999999",
      "20261330T250000Z", "host", "x-amz-date", "X-Amz-Security-Token=", "\u00e9", "\r\n");

  private final Mutator headers = new Mutator(headerSeeds(), TOKENS, "/;,= a%", HEADER_CAP);
  private final Mutator queries = new Mutator(PRESIGNED.stream()
      .map(r -> r.rawQuery().getBytes(StandardCharsets.ISO_8859_1)).toList(), TOKENS, "&=%/a", REQUEST_LINE_CAP);

  private static List<byte[]> headerSeeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (SigningRequest request : SIGNED) {
      seeds.add(request.header("Authorization").orElseThrow().getBytes(StandardCharsets.ISO_8859_1));
    }
    return seeds;
  }

  @Provide
  Arbitrary<byte[]> authorizationHeaders() {
    return headers.inputs(1, random -> ("AWS4-HMAC-SHA256 Credential=" + "A/".repeat(random.nextInt(4000))
        + ", SignedHeaders=" + "h;".repeat(random.nextInt(4000)) + ", Signature=" + "0".repeat(random.nextInt(64)))
        .getBytes(StandardCharsets.ISO_8859_1));
  }

  @Provide
  Arbitrary<byte[]> presignedQueries() {
    return queries.inputs(1, SigV4FuzzTest::hostileQuery);
  }

  @Property
  void authorizationHeader_parsesOrThrowsSigV4Exception(@ForAll("authorizationHeaders") byte[] input) {
    String header = new String(input, StandardCharsets.ISO_8859_1);
    SigningRequest original = SIGNED.get(Math.floorMod(header.hashCode(), SIGNED.size()));
    boolean s3Rules = original.header("x-amz-content-sha256").isPresent();
    SigningRequest request = replace(original, "Authorization", header);
    if ((header.hashCode() & 7) == 0) { // a mutated date as well
      request = replace(request, "X-Amz-Date", header.substring(0, Math.min(header.length(), 16)));
    }
    SigningRequest sent = request;
    Bounded.parse(input, input.length, LIMIT, () -> {
      ParsedSignature parsed = SigV4Parser.parse(sent, s3Rules);
      SigV4Parser.credentialScopeService(sent);
      assertOnlyOriginalAccepted(original, VERIFIER.verify(sent, parsed, KEY.secretAccessKey(), NOW, s3Rules));
      return parsed;
    }, SigV4Exception.class::isInstance);
  }

  @Property
  void presignedQuery_parsesOrThrowsSigV4Exception(@ForAll("presignedQueries") byte[] input) {
    String query = new String(input, StandardCharsets.ISO_8859_1);
    SigningRequest original = PRESIGNED.get(Math.floorMod(query.hashCode(), PRESIGNED.size()));
    boolean s3Rules = original.rawPath().startsWith("/bucket");
    SigningRequest sent = original.withRawQuery(query);
    Bounded.parse(input, input.length, LIMIT, () -> {
      ParsedSignature parsed = SigV4Parser.parse(sent, s3Rules);
      SigV4Parser.credentialScopeService(sent);
      assertOnlyOriginalAccepted(original, VERIFIER.verify(sent.withPayloadHash(s3Rules ? SigV4.UNSIGNED_PAYLOAD
          : SigV4.EMPTY_SHA256), parsed, KEY.secretAccessKey(), NOW, s3Rules));
      return parsed;
    }, SigV4Exception.class::isInstance);
  }

  private static void assertOnlyOriginalAccepted(SigningRequest original, VerificationResult result) {
    assertThat(result).isNotNull();
    if (result instanceof VerificationResult.Verified verified) {
      String signature = original.header("Authorization")
          .map(h -> h.substring(h.lastIndexOf('=') + 1))
          .orElseGet(() -> original.queryParameter("X-Amz-Signature").orElseThrow());
      assertThat(verified.signature().signature()).as("only the signer's own signature verifies")
          .isEqualTo(signature);
    }
  }

  private static SigningRequest replace(SigningRequest request, String name, String value) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, String> header : request.headers()) {
      headers.add(header.getKey().equalsIgnoreCase(name) ? Map.entry(header.getKey(), value) : header);
    }
    return new SigningRequest(request.method(), request.rawPath(), request.rawQuery(), headers,
        request.payloadHash());
  }

  /** Repeated parameters, huge expiries and dates, thousands of signed headers, escapes at the cap. */
  private static byte[] hostileQuery(Random random) {
    String base = PRESIGNED.get(random.nextInt(PRESIGNED.size())).rawQuery();
    String text = switch (random.nextInt(5)) {
      case 0 -> base + "&X-Amz-Signature=0".repeat(1 + random.nextInt(200));
      case 1 -> base.replaceFirst("X-Amz-Expires=[0-9]+", "X-Amz-Expires=" + "9".repeat(1 + random.nextInt(400)));
      case 2 -> base.replaceFirst("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=" + "h%3B".repeat(
          1 + random.nextInt(1000)));
      case 3 -> base.replaceFirst("X-Amz-Date=[0-9TZ]+", "X-Amz-Date=" + "%".repeat(1 + random.nextInt(100)));
      default -> "%".repeat(random.nextInt(REQUEST_LINE_CAP)) + base;
    };
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}

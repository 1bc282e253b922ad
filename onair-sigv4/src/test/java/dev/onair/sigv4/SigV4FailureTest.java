package dev.onair.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sigv4.SigV4Failure.ProtocolFamily;
import dev.onair.sigv4.SigV4Failure.Reason;
import dev.onair.sigv4.SigV4Failure.WireError;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure outcome with the exact message a client will see (iam.md §3.4–3.5). */
class SigV4FailureTest {
    private static final String AKID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SIGNED_AT = Instant.parse("2022-01-27T00:14:27Z");
    private static final String EMPTY = SigV4.EMPTY_SHA256;
    private static final SigningCredentials CREDENTIALS = SigningCredentials.of(AKID, SECRET);

    record Case(String rule, SigningRequest request, Instant now, boolean s3, Reason reason, String message) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Case> failures() {
        SigningRequest unsigned = SigningRequest.of("GET", "/", EMPTY, "Host", "iam.example.com");
        SigningRequest signed = sign(unsigned, "iam", false);
        SigningRequest s3Signed = sign(SigningRequest.of("GET", "/bucket/key", EMPTY, "Host", "s3.example.com",
                "x-amz-content-sha256", EMPTY), "s3", true);
        String validAuth = signed.header("Authorization").orElseThrow();
        SigningRequest presignedS3 = new SigV4Signer().presign(
                SigningRequest.of("GET", "/bucket/key", null, "Host", "s3.example.com"), CREDENTIALS, "us-east-1",
                "s3", SIGNED_AT, Duration.ofHours(1), true);
        String incomplete = "AWS4-HMAC-SHA256 Credential=" + AKID + "/20220127/us-east-1/iam/aws4_request";
        return Stream.of(
                new Case("no authentication at all", unsigned, SIGNED_AT, false, Reason.MISSING_AUTHENTICATION,
                        "Request is missing Authentication Token"),
                new Case("authorization without signature, signed headers or date",
                        unsigned.withHeader("Authorization", incomplete), SIGNED_AT, false,
                        Reason.INCOMPLETE_SIGNATURE,
                        "Authorization header requires 'Signature' parameter. Authorization header requires "
                                + "'SignedHeaders' parameter. Authorization header requires existence of either a "
                                + "'X-Amz-Date' or a 'Date' header. Authorization=" + incomplete),
                new Case("authorization part without equal sign",
                        unsigned.withHeader("Authorization", "AWS4-HMAC-SHA256 Credential"), SIGNED_AT, false,
                        Reason.INCOMPLETE_SIGNATURE, "'Credential' not a valid key=value pair (missing equal-sign) in "
                                + "Authorization header: 'AWS4-HMAC-SHA256 Credential'."),
                new Case("credential with four parts", replaceAuth(signed, "/us-east-1/iam/", "/us-east-1/"),
                        SIGNED_AT, false, Reason.MALFORMED_CREDENTIAL,
                        "Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."),
                new Case("unparseable X-Amz-Date", replaceHeader(signed, "X-Amz-Date", "2022-01-27"), SIGNED_AT,
                        false, Reason.MALFORMED_DATE, "Date must be in ISO-8601 'basic format'. Got '2022-01-27'. "
                                + "See http://en.wikipedia.org/wiki/ISO_8601"),
                new Case("S3 request without any date", withoutHeader(s3Signed, "X-Amz-Date"), SIGNED_AT, true,
                        Reason.MALFORMED_DATE, "AWS authentication requires a valid Date or x-amz-date header"),
                new Case("SigV2 authorization header", unsigned.withHeader("Authorization", "AWS AKID:c2ln"),
                        SIGNED_AT, false, Reason.UNSUPPORTED_ALGORITHM, "Unsupported AWS 'algorithm': 'AWS'"),
                new Case("header and query authentication together",
                        presignedS3.withHeader("Authorization", validAuth), SIGNED_AT, true,
                        Reason.AMBIGUOUS_AUTHENTICATION, "Only one auth mechanism allowed; only the X-Amz-Algorithm "
                                + "query parameter, Signature query string parameter or the Authorization header should "
                                + "be specified"),
                new Case("host not in SignedHeaders", replaceAuth(signed, "SignedHeaders=host;x-amz-date",
                        "SignedHeaders=x-amz-date"), SIGNED_AT, false, Reason.HOST_NOT_SIGNED,
                        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."),
                new Case("S3 x-amz header outside SignedHeaders", s3Signed.withHeader("x-amz-acl", "public-read"),
                        SIGNED_AT, true, Reason.UNSIGNED_HEADERS,
                        "There were headers present in the request which were not signed"),
                new Case("scope terminator is not aws4_request", replaceAuth(signed, "/aws4_request", "/aws5_request"),
                        SIGNED_AT, false, Reason.SCOPE_INVALID_TERMINATOR,
                        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'."),
                new Case("scope date differs from X-Amz-Date", replaceAuth(signed, "/20220127/", "/20220126/"),
                        SIGNED_AT, false, Reason.SCOPE_DATE_MISMATCH, "Date in Credential scope does not match "
                                + "YYYYMMDD from ISO-8601 version of date from HTTP: '20220126' != '20220127', from "
                                + "'20220127T001427Z'."),
                new Case("request older than 15 minutes (real AWS transcript)", signed,
                        Instant.parse("2022-01-27T01:59:28Z"), false, Reason.REQUEST_EXPIRED,
                        "Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z "
                                + "(20220127T015928Z - 15 min.)"),
                new Case("request more than 15 minutes in the future", signed, Instant.parse("2022-01-26T23:59:00Z"),
                        false, Reason.REQUEST_NOT_YET_VALID, "Signature not yet current: 20220127T001427Z is still "
                                + "later than 20220127T001400Z (20220126T235900Z + 15 min.)"),
                new Case("S3 clock skew", s3Signed, Instant.parse("2022-01-27T01:00:00Z"), true,
                        Reason.REQUEST_EXPIRED, "The difference between the request time and the current time is too "
                                + "large."),
                new Case("presigned URL past X-Amz-Expires", presignedS3, SIGNED_AT.plusSeconds(3601), true,
                        Reason.PRESIGNED_EXPIRED, "Request has expired"),
                new Case("presigned URL dated in the future", presignedS3, SIGNED_AT.minus(Duration.ofHours(1)), true,
                        Reason.PRESIGNED_NOT_YET_VALID, "Request is not valid yet"),
                new Case("presigned X-Amz-Expires above one week", replaceQuery(presignedS3, "X-Amz-Expires=3600",
                        "X-Amz-Expires=604801"), SIGNED_AT, true, Reason.EXPIRES_TOO_LARGE,
                        "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be "
                                + "less than 604800 seconds"),
                new Case("presigned X-Amz-Expires not a number", replaceQuery(presignedS3, "X-Amz-Expires=3600",
                        "X-Amz-Expires=soon"), SIGNED_AT, true, Reason.INVALID_EXPIRES,
                        "X-Amz-Expires should be a number"),
                new Case("presigned X-Amz-Expires negative", replaceQuery(presignedS3, "X-Amz-Expires=3600",
                        "X-Amz-Expires=-1"), SIGNED_AT, true, Reason.INVALID_EXPIRES,
                        "X-Amz-Expires must be non-negative"),
                new Case("S3 presigned URL without X-Amz-Expires", replaceQuery(presignedS3, "X-Amz-Expires=3600&",
                        ""), SIGNED_AT, true, Reason.INCOMPLETE_QUERY_SIGNATURE, "Query-string authentication version 4 "
                                + "requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, "
                                + "X-Amz-SignedHeaders, and X-Amz-Expires parameters."),
                new Case("non-S3 presigned URL without credential and date",
                        unsigned.withRawQuery("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=00&"
                                + "X-Amz-SignedHeaders=host"), SIGNED_AT, false, Reason.INCOMPLETE_QUERY_SIGNATURE,
                        "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters "
                                + "must include 'X-Amz-Date'. Re-examine the query-string parameters."),
                new Case("presigned URL with another algorithm", replaceQuery(presignedS3, "AWS4-HMAC-SHA256",
                        "AWS4-ECDSA-P256-SHA256"), SIGNED_AT, true, Reason.UNSUPPORTED_ALGORITHM,
                        "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""),
                new Case("wrong secret (Query wording)", signed, SIGNED_AT, false, Reason.SIGNATURE_MISMATCH,
                        "The request signature we calculated does not match the signature you provided. Check your "
                                + "AWS Secret Access Key and signing method. Consult the service documentation for "
                                + "details."),
                new Case("S3 x-amz-content-sha256 neither keyword nor digest",
                        replaceHeader(s3Signed, "x-amz-content-sha256", "nonsense"), SIGNED_AT, true,
                        Reason.INVALID_CONTENT_SHA256, "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                                + "STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, "
                                + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, "
                                + "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value."),
                new Case("S3 body differs from x-amz-content-sha256", s3Signed.withPayloadHash(
                        SdkOracle.sha256Hex(new byte[] {1})), SIGNED_AT, true, Reason.PAYLOAD_HASH_MISMATCH,
                        "The provided 'x-amz-content-sha256' header does not match what was computed."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void verify_failureWithAwsMessage(Case testCase) {
        String secret = testCase.rule().startsWith("wrong secret") ? SECRET + "x" : SECRET;

        VerificationResult result = new SignatureV4Verifier().verify(testCase.request(), secret, testCase.now(),
                testCase.s3());

        assertThat(result).isInstanceOfSatisfying(VerificationResult.Failed.class, failed -> {
            assertThat(failed.failure().reason()).isEqualTo(testCase.reason());
            assertThat(failed.failure().message()).isEqualTo(testCase.message());
        });
    }

    @Test
    void verify_signatureMismatchCarriesS3Details() {
        SigningRequest request = sign(SigningRequest.of("GET", "/bucket/key", EMPTY, "Host", "s3.example.com",
                "x-amz-content-sha256", EMPTY), "s3", true);

        VerificationResult result = new SignatureV4Verifier().verify(request, "other-secret", SIGNED_AT, true);

        assertThat(result).isInstanceOfSatisfying(VerificationResult.Failed.class, failed -> {
            SigV4Failure failure = failed.failure();
            assertThat(failure.message()).isEqualTo("The request signature we calculated does not match the signature "
                    + "you provided. Check your key and signing method.");
            assertThat(failure.details().get(SigV4Failure.CANONICAL_REQUEST)).isEqualTo(
                    "GET\n/bucket/key\n\nhost:s3.example.com\nx-amz-content-sha256:" + EMPTY
                            + "\nx-amz-date:20220127T001427Z\n\nhost;x-amz-content-sha256;x-amz-date\n" + EMPTY);
            assertThat(failure.details().get(SigV4Failure.STRING_TO_SIGN))
                    .startsWith("AWS4-HMAC-SHA256\n20220127T001427Z\n20220127/us-east-1/s3/aws4_request\n");
            assertThat(failure.details()).containsEntry(SigV4Failure.AWS_ACCESS_KEY_ID, AKID);
            assertThat(failure.toString()).doesNotContain("x-amz-date:");
        });
    }

    @Test
    void verify_s3ClockSkewCarriesTimes() {
        SigningRequest request = sign(SigningRequest.of("GET", "/b/k", EMPTY, "Host", "s3.example.com",
                "x-amz-content-sha256", EMPTY), "s3", true);

        VerificationResult result = new SignatureV4Verifier().verify(request, SECRET,
                Instant.parse("2022-01-27T01:00:00Z"), true);

        assertThat(result).isInstanceOfSatisfying(VerificationResult.Failed.class, failed ->
                assertThat(failed.failure().details())
                        .containsEntry(SigV4Failure.REQUEST_TIME, "20220127T001427Z")
                        .containsEntry(SigV4Failure.SERVER_TIME, "2022-01-27T01:00:00Z")
                        .containsEntry(SigV4Failure.MAX_ALLOWED_SKEW_MILLISECONDS, "900000"));
    }

    @Test
    void verify_skewJustInsideLimit() {
        SigningRequest request = sign(SigningRequest.of("GET", "/", EMPTY, "Host", "iam.example.com"), "iam", false);

        assertThat(new SignatureV4Verifier().verify(request, SECRET, SIGNED_AT.plus(Duration.ofMinutes(15)), false)
                .verified()).isTrue();
        assertThat(new SignatureV4Verifier().verify(request, SECRET, SIGNED_AT.minus(Duration.ofMinutes(15)), false)
                .verified()).isTrue();
    }

    @Test
    void codeFor_awsErrorMatrix() {
        SigV4Failure mismatch = SigV4Failure.of(Reason.SIGNATURE_MISMATCH, "m");
        SigV4Failure skew = SigV4Failure.of(Reason.REQUEST_EXPIRED, "m");
        SigV4Failure missing = SigV4Failure.of(Reason.MISSING_AUTHENTICATION, "m");
        SigV4Failure incomplete = SigV4Failure.of(Reason.INCOMPLETE_SIGNATURE, "m");

        assertThat(mismatch.codeFor(ProtocolFamily.QUERY)).isEqualTo(new WireError("SignatureDoesNotMatch", 403));
        assertThat(mismatch.codeFor(ProtocolFamily.JSON)).isEqualTo(new WireError("InvalidSignatureException", 400));
        assertThat(mismatch.codeFor(ProtocolFamily.REST_JSON)).isEqualTo(new WireError("InvalidSignatureException", 403));
        assertThat(mismatch.codeFor(ProtocolFamily.REST_XML_S3)).isEqualTo(new WireError("SignatureDoesNotMatch", 403));
        assertThat(skew.codeFor(ProtocolFamily.QUERY)).isEqualTo(new WireError("SignatureDoesNotMatch", 403));
        assertThat(skew.codeFor(ProtocolFamily.REST_XML_S3)).isEqualTo(new WireError("RequestTimeTooSkewed", 403));
        assertThat(missing.codeFor(ProtocolFamily.QUERY)).isEqualTo(new WireError("MissingAuthenticationToken", 403));
        assertThat(missing.codeFor(ProtocolFamily.JSON))
                .isEqualTo(new WireError("MissingAuthenticationTokenException", 400));
        assertThat(incomplete.codeFor(ProtocolFamily.QUERY)).isEqualTo(new WireError("IncompleteSignature", 400));
        assertThat(incomplete.codeFor(ProtocolFamily.JSON)).isEqualTo(new WireError("IncompleteSignatureException", 400));
        assertThat(incomplete.codeFor(ProtocolFamily.REST_XML_S3))
                .isEqualTo(new WireError("AuthorizationHeaderMalformed", 400));
        assertThat(SigV4Failure.of(Reason.PRESIGNED_EXPIRED, "m").codeFor(ProtocolFamily.REST_XML_S3))
                .isEqualTo(new WireError("AccessDenied", 403));
        assertThat(SigV4Failure.of(Reason.EXPIRES_TOO_LARGE, "m").codeFor(ProtocolFamily.REST_XML_S3))
                .isEqualTo(new WireError("AuthorizationQueryParametersError", 400));
    }

    @Test
    void codeFor_everyReasonAndFamilyIsMapped() {
        for (Reason reason : Reason.values()) {
            for (ProtocolFamily family : ProtocolFamily.values()) {
                for (boolean queryForm : new boolean[] {false, true}) {
                    WireError error = new SigV4Failure(reason, "m", queryForm, null).codeFor(family);
                    assertThat(error.code()).isNotBlank();
                    assertThat(error.httpStatus()).isBetween(400, 499);
                }
            }
        }
    }

    @Test
    void invalidRegion_awsWording() {
        assertThat(SigV4Failure.invalidRegion("mars-1", "us-east-1", false, false).message())
                .isEqualTo("Credential should be scoped to a valid Region, not 'mars-1'.");
        assertThat(SigV4Failure.invalidRegion("mars-1", "us-east-1", true, false).message())
                .isEqualTo("The authorization header is malformed; the region 'mars-1' is wrong; expecting 'us-east-1'");
        assertThat(SigV4Failure.wrongService("ivs", false).message())
                .isEqualTo("Credential should be scoped to correct service: 'ivs'.");
    }

    static SigningRequest sign(SigningRequest request, String service, boolean s3) {
        return new SigV4Signer().sign(request, CREDENTIALS, "us-east-1", service, SIGNED_AT, s3);
    }

    private static SigningRequest replaceAuth(SigningRequest request, String from, String to) {
        String auth = request.header("Authorization").orElseThrow();
        return replaceHeader(request, "Authorization", auth.replace(from, to));
    }

    static SigningRequest replaceHeader(SigningRequest request, String name, String value) {
        return withoutHeader(request, name).withHeader(name, value);
    }

    static SigningRequest withoutHeader(SigningRequest request, String name) {
        return new SigningRequest(request.method(), request.rawPath(), request.rawQuery(),
                request.headers().stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList(),
                request.payloadHash());
    }

    private static SigningRequest replaceQuery(SigningRequest request, String from, String to) {
        return request.withRawQuery(request.rawQuery().replace(from, to));
    }
}

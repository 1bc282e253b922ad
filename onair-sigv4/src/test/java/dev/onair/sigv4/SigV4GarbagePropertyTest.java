package dev.onair.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input never escapes as an exception: the parser throws only {@link SigV4Exception}, and the verifier, the
 * chunk verifier and {@link SigV4Parser#credentialScopeService} only return outcomes.
 */
class SigV4GarbagePropertyTest {
    private static final Instant NOW = Instant.parse("2024-05-17T10:11:12Z");
    private static final SignatureV4Verifier VERIFIER = new SignatureV4Verifier();

    @Provide
    Arbitrary<String> authorizationHeaders() {
        Arbitrary<String> fragments = Arbitraries.of("AWS4-HMAC-SHA256", " ", ",", ", ", "=", "/", ";",
                "Credential=", "SignedHeaders=", "Signature=", "AKID", "20240517", "us-east-1", "iam", "s3",
                "aws4_request", "host", "x-amz-date", "%", "\t", "\u00e9", "", "AWS", "Bearer", "0123abcd");
        Arbitrary<String> structured = fragments.list().ofMaxSize(24).map(list -> String.join("", list));
        return Arbitraries.oneOf(structured, Arbitraries.strings().ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> fragments = Arbitraries.of("X-Amz-Algorithm=", "X-Amz-Credential=", "X-Amz-Date=",
                "X-Amz-Expires=", "X-Amz-SignedHeaders=", "X-Amz-Signature=", "X-Amz-Security-Token=",
                "AWS4-HMAC-SHA256", "AKID%2F20240517%2Fus-east-1%2Fs3%2Faws4_request", "20240517T101112Z", "3600",
                "-5", "99999999999999999999", "host", "&", "=", "%", "%zz", "%2", "+", "a", "", "%00", "%C3%A9");
        Arbitrary<String> structured = fragments.list().ofMaxSize(30).map(list -> String.join("", list));
        return Arbitraries.oneOf(structured, Arbitraries.strings().ofMaxLength(200));
    }

    @Provide
    Arbitrary<SigningRequest> requests() {
        Arbitrary<String> paths = Arbitraries.oneOf(Arbitraries.of("/", "//", "/..", "/a/./b", "", "/%", "/%zz/%C3"),
                Arbitraries.strings().ofMaxLength(40));
        Arbitrary<String> dates = Arbitraries.oneOf(Arbitraries.of("20240517T101112Z", "20241317T101112Z", "",
                "Fri, 17 May 2024 10:11:12 GMT", "yesterday"), Arbitraries.strings().ofMaxLength(20));
        Arbitrary<String> contentSha = Arbitraries.of("", SigV4.UNSIGNED_PAYLOAD, SigV4.STREAMING_SIGNED,
                SigV4.EMPTY_SHA256, "garbage");
        return Combinators.combine(Arbitraries.of("GET", "POST", ""), paths, queries(), authorizationHeaders(), dates,
                contentSha, Arbitraries.of(true, false)).as((method, path, query, auth, date, sha, withAuth) -> {
                    SigningRequest request = SigningRequest.of(method, "/", SigV4.EMPTY_SHA256, "Host", "h",
                            "X-Amz-Date", date);
                    request = new SigningRequest(method, path, query, request.headers(), SigV4.EMPTY_SHA256);
                    if (!sha.isEmpty()) {
                        request = request.withHeader("x-amz-content-sha256", sha);
                    }
                    return withAuth ? request.withHeader("Authorization", auth) : request;
                });
    }

    @Property
    void verify_garbageRequestYieldsOutcome(@ForAll("requests") SigningRequest request, @ForAll boolean s3Rules) {
        VerificationResult result = VERIFIER.verify(request, "secret", NOW, s3Rules);

        assertThat(result).isNotNull();
        if (result instanceof VerificationResult.Failed failed) {
            assertThat(failed.failure().message()).isNotBlank();
        }
        SigV4Parser.credentialScopeService(request);
    }

    @Property
    void parse_garbageAuthorizationThrowsOnlySigV4Exception(@ForAll("authorizationHeaders") String authorization,
            @ForAll boolean s3Rules) {
        SigningRequest request = SigningRequest.of("GET", "/", SigV4.EMPTY_SHA256, "Host", "h",
                "X-Amz-Date", "20240517T101112Z", "Authorization", authorization);
        try {
            ParsedSignature parsed = SigV4Parser.parse(request, s3Rules);
            assertThat(VERIFIER.verify(request, parsed, "secret", NOW, s3Rules)).isNotNull();
        } catch (SigV4Exception e) {
            assertThat(e.failure()).isNotNull();
        }
    }

    @Property
    void parse_garbageQueryThrowsOnlySigV4Exception(@ForAll("queries") String query, @ForAll boolean s3Rules) {
        SigningRequest request = SigningRequest.of("GET", "/?" + query, null, "Host", "h");
        try {
            ParsedSignature parsed = SigV4Parser.parse(request, s3Rules);
            assertThat(VERIFIER.verify(request.withPayloadHash(SigV4.EMPTY_SHA256), parsed, "secret", NOW, s3Rules))
                    .isNotNull();
        } catch (SigV4Exception e) {
            assertThat(e.failure()).isNotNull();
        }
        CanonicalRequest.canonicalQueryString(query, true);
    }

    @Property
    void verify_garbageChunkedBodyYieldsOutcome(@ForAll byte[] body, @ForAll("chunkModes") String mode) {
        SigningRequest request = SigningRequest.of("PUT", "/b/k", null, "Host", "h", "x-amz-content-sha256", mode,
                "x-amz-decoded-content-length", "5");
        ParsedSignature seed = new ParsedSignature("AKID", "20240517", "us-east-1", "s3", "aws4_request",
                java.util.List.of("host"), "0".repeat(64), NOW, "20240517T101112Z", null, false,
                java.util.OptionalLong.empty());

        assertThat(new ChunkedPayloadVerifier().verify(request, seed, "secret", body)).isNotNull();
    }

    @Property
    void verify_structuredChunkedGarbageYieldsOutcome(@ForAll("chunkBodies") String body) {
        SigningRequest request = SigningRequest.of("PUT", "/b/k", null, "Host", "h", "x-amz-content-sha256",
                SigV4.STREAMING_UNSIGNED_TRAILER, "x-amz-decoded-content-length", "3", "x-amz-trailer", "x-amz-a");
        ParsedSignature seed = new ParsedSignature("AKID", "20240517", "us-east-1", "s3", "aws4_request",
                java.util.List.of("host"), "0".repeat(64), NOW, "20240517T101112Z", null, false,
                java.util.OptionalLong.empty());

        assertThat(new ChunkedPayloadVerifier().verify(request, seed, "secret",
                body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).isNotNull();
    }

    @Provide
    Arbitrary<String> chunkModes() {
        return Arbitraries.of(SigV4.STREAMING_SIGNED, SigV4.STREAMING_SIGNED_TRAILER, SigV4.STREAMING_UNSIGNED_TRAILER,
                "x");
    }

    @Provide
    Arbitrary<String> chunkBodies() {
        return Arbitraries.of("3", "0", "ffffffff", "7fffffff", "\r\n", "abc", ";chunk-signature=", ";", ":",
                "x-amz-a:", "1", "\r").list().ofMaxSize(20).map(list -> String.join("", list));
    }
}

package dev.onair.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Value types, helpers, redaction, key cache and signer round trips. */
class SigV4ApiTest {
    private static final Instant T = Instant.parse("2024-05-17T10:11:12Z");
    private static final SigningCredentials TEMPORARY =
            new SigningCredentials("ASIAEXAMPLE", "topsecretvalue", "sessiontokenvalue");

    @Test
    void header_caseInsensitiveLookup() {
        SigningRequest request = SigningRequest.of("GET", "/p?a=1&b=x%20y", null, "HOST", "h", "x-Multi", "1",
                "X-MULTI", "2");

        assertThat(request.header("host")).contains("h");
        assertThat(request.headerValues("x-multi")).containsExactly("1", "2");
        assertThat(request.header("absent")).isEmpty();
        assertThat(request.rawPath()).isEqualTo("/p");
        assertThat(request.queryParameter("b")).contains("x y");
    }

    @Test
    void toString_neverShowsSecrets() {
        SigningRequest signed = new SigV4Signer().sign(SigningRequest.of("GET", "/", SigV4.EMPTY_SHA256, "Host", "h"),
                TEMPORARY, "us-east-1", "iam", T, false);
        ParsedSignature parsed = parse(signed);

        assertThat(TEMPORARY.toString()).doesNotContain("topsecretvalue").doesNotContain("sessiontokenvalue");
        assertThat(signed.toString()).doesNotContain("sessiontokenvalue").doesNotContain("Signature=");
        assertThat(parsed.toString()).doesNotContain("sessiontokenvalue");
        assertThat(parsed.securityToken()).isEqualTo("sessiontokenvalue");
        assertThat(new SigningKeyCache().toString()).doesNotContain("topsecretvalue");
    }

    @Test
    void signingKey_cachedAndBounded() {
        SigningKeyCache cache = new SigningKeyCache(2);

        byte[] first = cache.signingKey("secret", "20240517", "us-east-1", "iam");
        assertThat(cache.signingKey("secret", "20240517", "us-east-1", "iam")).isSameAs(first);
        assertThat(cache.signingKey("other", "20240517", "us-east-1", "iam")).isNotEqualTo(first);
        cache.signingKey("secret", "20240518", "us-east-1", "iam");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(first).isEqualTo(SigningKeyCache.derive("secret", "20240517", "us-east-1", "iam"));
    }

    @Test
    void signingKey_awsDocumentationExample() {
        // UG "Examples of how to derive a signing key": kSigning for this input, hex.
        byte[] key = SigningKeyCache.derive("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");

        assertThat(Crypto.hex(key)).isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    @Test
    void presign_roundTripWithSessionToken() throws SigV4Exception {
        SigningRequest presigned = new SigV4Signer().presign(SigningRequest.of("GET", "/bucket/a%20b", null,
                "Host", "s3.example.com"), TEMPORARY, "us-east-1", "s3", T, Duration.ofMinutes(5), true);
        ParsedSignature parsed = SigV4Parser.parse(presigned, true);

        assertThat(parsed.presigned()).isTrue();
        assertThat(parsed.expiresSeconds()).hasValue(300);
        assertThat(parsed.securityToken()).isEqualTo("sessiontokenvalue");
        assertThat(new SignatureV4Verifier().verify(presigned, parsed, "topsecretvalue", T.plusSeconds(299), true)
                .verified()).isTrue();
    }

    @Test
    void verify_dateHeaderWhenNoXAmzDate() {
        SigningRequest request = SigningRequest.of("GET", "/", SigV4.EMPTY_SHA256, "Host", "h",
                "Date", "Fri, 17 May 2024 10:11:12 GMT");
        String authorization = new SigV4Signer().authorizationHeader(request, TEMPORARY, "us-east-1", "sns", T, false);

        VerificationResult result = new SignatureV4Verifier()
                .verify(request.withHeader("Authorization", authorization), "topsecretvalue", T, false);

        assertThat(result.verified()).isTrue();
    }

    @Test
    void verify_nonS3WithoutPayloadHashIsCallerError() {
        SigningRequest request = new SigV4Signer().sign(SigningRequest.of("GET", "/", SigV4.EMPTY_SHA256, "Host",
                "h"), TEMPORARY, "us-east-1", "iam", T, false).withPayloadHash(null);

        assertThatThrownBy(() -> new SignatureV4Verifier().verify(request, "topsecretvalue", T, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> scopeServices() {
        return Stream.of(
                Arguments.of("AWS4-HMAC-SHA256 Credential=AKID/20240517/us-east-1/ivs/aws4_request, SignedHeaders=host, "
                        + "Signature=00", "", "ivs"),
                Arguments.of(null, "X-Amz-Credential=AKID%2F20240517%2Fus-east-1%2Fs3%2Faws4_request", "s3"),
                Arguments.of("AWS4-HMAC-SHA256 Credential=AKID/20240517/us-east-1", "", null),
                Arguments.of(null, "a=b", null),
                Arguments.of("Bearer token", "", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scopeServices")
    void credentialScopeService_headerOrQuery(String authorization, String query, String expected) {
        SigningRequest request = SigningRequest.of("GET", "/?" + query, null, "Host", "h");
        if (authorization != null) {
            request = request.withHeader("Authorization", authorization);
        }

        assertThat(SigV4Parser.credentialScopeService(request)).isEqualTo(expected);
    }

    static Stream<Arguments> dotSegments() {
        return Stream.of(
                Arguments.of("", "/"), Arguments.of("/", "/"), Arguments.of("/a/b/../c", "/a/c"),
                Arguments.of("/a/./b/", "/a/b/"), Arguments.of("/..", "/"), Arguments.of("//a//b//", "/a/b/"),
                Arguments.of("/a/b/..", "/a"), Arguments.of("/./", "/"),
                // the no-dot, no-double-slash fast path must give what the segment walk gives
                Arguments.of("/GetChannel", "/GetChannel"), Arguments.of("/a/b/", "/a/b/"), Arguments.of("a/b", "a/b"),
                Arguments.of("/a%2Fb", "/a%2Fb"), Arguments.of("/a//", "/a/"), Arguments.of("/a.b/c", "/a.b/c"),
                Arguments.of("/...", "/..."), Arguments.of("/a/.", "/a"), Arguments.of("a/", "a/"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("dotSegments")
    void removeDotSegments_botocoreRules(String path, String expected) {
        assertThat(UriEncoding.removeDotSegments(path)).isEqualTo(expected);
    }

    static Stream<Arguments> canonicalUris() {
        return Stream.of(
                Arguments.of("/", "/"), Arguments.of("/GetChannel", "/GetChannel"),
                Arguments.of("/v1/a-b_c.d~e/", "/v1/a-b_c.d~e/"), Arguments.of("/a%20b", "/a%2520b"),
                Arguments.of("/a b", "/a%20b"), Arguments.of("/caf\u00e9", "/caf%C3%A9"), Arguments.of("/a:b", "/a%3Ab"),
                Arguments.of("/a/./b/../c", "/a/c"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("canonicalUris")
    void canonicalUri_nonS3_normalisedAndEncodedOnce(String rawPath, String expected) {
        assertThat(CanonicalRequest.canonicalUri(rawPath, false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "a=1", "b=2&a=1"})
    void canonicalQueryString_emptyStaysEmpty_othersSorted(String rawQuery) {
        String expected = rawQuery.isEmpty() ? "" : "a=1" + (rawQuery.contains("b") ? "&b=2" : "");
        assertThat(CanonicalRequest.canonicalQueryString(rawQuery, false)).isEqualTo(expected);
    }

    @Test
    void canonicalHeaders_obsoleteLineFoldingIsOneSpace() {
        SigningRequest request = SigningRequest.of("GET", "/", null, "X-Folded", "a\r\n  b", "Host", " h ");

        assertThat(CanonicalRequest.canonicalHeaders(request, java.util.List.of("host", "x-folded")))
                .isEqualTo("host:h\nx-folded:a b\n");
    }

    @Test
    void canonicalQueryString_rawPlusIsLiteral() {
        assertThat(CanonicalRequest.canonicalQueryString("b=1+2&a=%7e&c", false)).isEqualTo("a=~&b=1%2B2&c=");
    }

    private static ParsedSignature parse(SigningRequest request) {
        try {
            return SigV4Parser.parse(request);
        } catch (SigV4Exception e) {
            throw new AssertionError(e.failure().toString(), e);
        }
    }
}

package dev.onair.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The per-thread signing HMAC in front of the shared key map: every sequence of scopes signs like a fresh derivation. */
class SigningKeyCacheTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /** A scope; {@code copy} makes the secret a distinct String instance with the same characters. */
    record Scope(String secret, String date, String region, String service) {
        Scope copy() {
            return new Scope(new String(secret.toCharArray()), date, region, service);
        }
    }

    private static final Scope A = new Scope(SECRET, "20150830", "us-east-1", "iam");

    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("same scope twice", List.of(A, A)),
                Arguments.of("equal secret, another String instance", List.of(A, A.copy(), A)),
                Arguments.of("other secret, same scope", List.of(A, new Scope("other-secret", "20150830", "us-east-1",
                        "iam"), A)),
                Arguments.of("other date", List.of(A, new Scope(SECRET, "20150831", "us-east-1", "iam"), A)),
                Arguments.of("other region", List.of(A, new Scope(SECRET, "20150830", "eu-west-1", "iam"), A)),
                Arguments.of("other service", List.of(A, new Scope(SECRET, "20150830", "us-east-1", "sts"), A)),
                Arguments.of("secret that prefixes another", List.of(new Scope("abc", "20150830", "us-east-1", "iam"),
                        new Scope("abcd", "20150830", "us-east-1", "iam"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void signatureHex_matchesFreshDerivation(String rule, List<Scope> scopes) {
        SigningKeyCache cache = new SigningKeyCache(1);
        int i = 0;
        for (Scope scope : scopes) {
            String stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n" + scope.date() + "/" + scope.region() + "/"
                    + scope.service() + "/aws4_request\n" + i++;
            byte[] key = SigningKeyCache.derive(scope.secret(), scope.date(), scope.region(), scope.service());

            assertThat(cache.signatureHex(scope.secret(), scope.date(), scope.region(), scope.service(), stringToSign))
                    .as("%s, step %d", rule, i)
                    .isEqualTo(Crypto.hex(Crypto.hmac(key, stringToSign)));
        }
    }

    @Test
    void signatureHex_threadsDoNotShareTheirLastScope() throws Exception {
        SigningKeyCache cache = new SigningKeyCache();
        String expected = Crypto.hex(Crypto.hmac(SigningKeyCache.derive(SECRET, "20150830", "us-east-1", "iam"), "x"));
        cache.signatureHex("other-secret", "20150830", "us-east-1", "iam", "x");
        String[] fromOtherThread = new String[1];
        Thread thread = new Thread(() -> fromOtherThread[0] =
                cache.signatureHex(SECRET, "20150830", "us-east-1", "iam", "x"));
        thread.start();
        thread.join();

        assertThat(fromOtherThread[0]).isEqualTo(expected);
        assertThat(cache.signatureHex(SECRET, "20150830", "us-east-1", "iam", "x")).isEqualTo(expected);
    }

    /**
     * AWS's SigV4 test suite, case get-vanilla ({@code GET /} with Host and X-Amz-Date, service "service"): the
     * published signature, verified through the cache twice (the second time from the per-thread entry).
     */
    @Test
    void verify_awsTestSuiteGetVanilla() {
        SigningRequest request = SigningRequest.of("GET", "/", SigV4.EMPTY_SHA256,
                "Host", "example.amazonaws.com",
                "X-Amz-Date", "20150830T123600Z",
                "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, "
                        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        SignatureV4Verifier verifier = new SignatureV4Verifier();
        Instant now = Instant.parse("2015-08-30T12:36:00Z");

        for (int round = 0; round < 2; round++) {
            assertThat(verifier.verify(request, SECRET, now, false))
                    .isInstanceOf(VerificationResult.Verified.class);
        }
        assertThat(verifier.verify(request, SECRET.replace('w', 'W'), now, false))
                .isInstanceOf(VerificationResult.Failed.class);
    }
}

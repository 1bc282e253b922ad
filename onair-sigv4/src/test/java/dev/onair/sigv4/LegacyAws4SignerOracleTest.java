package dev.onair.sigv4;

import static dev.onair.sigv4.SdkOracle.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/** A second, older oracle: the SDK's legacy {@code Aws4Signer}, still what many SDK v2 clients in the field run. */
@SuppressWarnings("deprecation")
class LegacyAws4SignerOracleTest {

    record Case(String rule, SdkHttpFullRequest request, boolean presign) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Case> cases() {
        byte[] form = "Action=CreateUser&UserName=alice&Version=2010-05-08".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                new Case("legacy: space and dot segments in path", base("/a/./b/../my%20channel").build(), false),
                new Case("legacy: query with duplicates and empties", base("/")
                        .appendRawQueryParameter("b", "").appendRawQueryParameter("a", "2")
                        .appendRawQueryParameter("a", "1").appendRawQueryParameter("c", "x y/z").build(), false),
                new Case("legacy: POST form body", base("/").method(SdkHttpMethod.POST)
                        .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .contentStreamProvider(() -> new java.io.ByteArrayInputStream(form)).build(), false),
                new Case("legacy: presigned non-S3", base("/").appendRawQueryParameter("Action", "GetCallerIdentity")
                        .build(), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verify_legacySignerRequest(Case testCase) throws Exception {
        Aws4Signer signer = Aws4Signer.create();
        AwsBasicCredentials credentials = AwsBasicCredentials.create(SdkOracle.ACCESS_KEY_ID, SdkOracle.SECRET);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SdkHttpFullRequest signed = testCase.presign()
                ? signer.presign(testCase.request(), Aws4PresignerParams.builder().awsCredentials(credentials)
                        .signingName("sts").signingRegion(Region.US_EAST_1).signingClockOverride(clock)
                        .expirationTime(NOW.plusSeconds(900)).build())
                : signer.sign(testCase.request(), Aws4SignerParams.builder().awsCredentials(credentials)
                        .signingName("iam").signingRegion(Region.US_EAST_1).signingClockOverride(clock).build());
        byte[] body = signed.contentStreamProvider().map(p -> {
            try (var in = p.newStream()) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).orElse(new byte[0]);
        SigningRequest wire = SdkOracle.toWire(signed, SdkOracle.sha256Hex(body));

        VerificationResult result = new SignatureV4Verifier().verify(wire, SdkOracle.SECRET, NOW, false);

        assertThat(result).as("%s", result).isInstanceOf(VerificationResult.Verified.class);
    }

    private static SdkHttpFullRequest.Builder base(String encodedPath) {
        return SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).protocol("https").host("iam.example.com")
                .encodedPath(encodedPath);
    }
}

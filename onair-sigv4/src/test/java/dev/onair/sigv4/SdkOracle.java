package dev.onair.sigv4;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The AWS SDK for Java v2's own signer, used as the independent source of expected signatures. Every test request is
 * built the way an SDK client would build it, signed here, then handed to our engine in wire form.
 */
final class SdkOracle {
    static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//token+with/slashes==";
    static final Instant NOW = Instant.parse("2024-05-17T10:11:12Z");

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    /** How the SDK should sign: one field per signer property the tests vary. */
    record Options(String service, String region, boolean s3, boolean presign, boolean sessionToken, boolean https,
            boolean payloadSigning, boolean chunked, ChecksumAlgorithm checksum) {

        static Options service(String service) {
            return new Options(service, "us-east-1", false, false, false, false, true, false, null);
        }

        static Options forS3() {
            return new Options("s3", "eu-west-1", true, false, false, false, true, false, null);
        }

        Options presigned() {
            return new Options(service, region, s3, true, sessionToken, true, false, chunked, checksum);
        }

        /** botocore's choice: the presigned request still hashes its (empty) body. */
        Options withSignedPayload() {
            return new Options(service, region, s3, presign, sessionToken, https, true, chunked, checksum);
        }

        Options withSessionToken() {
            return new Options(service, region, s3, presign, true, https, payloadSigning, chunked, checksum);
        }

        Options chunked(boolean signed, ChecksumAlgorithm algorithm) {
            return new Options(service, region, s3, presign, sessionToken, !signed, signed, true, algorithm);
        }
    }

    /** A signed request in both forms: the SDK's and ours. */
    record Signed(SignedRequest sdk, SigningRequest wire, byte[] encodedBody) {
        String authorization() {
            return sdk.request().firstMatchingHeader("Authorization").orElseThrow();
        }
    }

    private SdkOracle() {
    }

    static Signed sign(SdkHttpRequest request, byte[] body, Options options) {
        AwsCredentialsIdentity identity = options.sessionToken()
                ? AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET, SESSION_TOKEN)
                : AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET);
        SdkHttpRequest toSign = request.toBuilder().protocol(options.https() ? "https" : "http").build();
        SignRequest.Builder<AwsCredentialsIdentity> builder = SignRequest.builder(identity)
                .request(toSign)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC))
                .putProperty(AwsV4HttpSigner.REGION_NAME, options.region())
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, options.service())
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !options.s3())
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !options.s3())
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, options.payloadSigning());
        if (body != null) {
            builder.payload(ContentStreamProvider.fromByteArray(body));
        }
        if (options.presign()) {
            builder.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(60));
        }
        if (options.chunked()) {
            builder.putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true);
        }
        if (options.checksum() != null) {
            builder.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, options.checksum());
        }
        SignedRequest signed = SIGNER.sign(builder.build());
        byte[] encoded = signed.payload().map(SdkOracle::readAll).orElse(new byte[0]);
        byte[] hashed = options.chunked() ? encoded : (body == null ? new byte[0] : body);
        return new Signed(signed, toWire(signed.request(), sha256Hex(hashed)), encoded);
    }

    /** What a server would see: the encoded path and query exactly as the SDK put them on the wire. */
    static SigningRequest toWire(SdkHttpRequest request, String payloadHash) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        request.forEachHeader((name, values) -> values.forEach(value -> headers.add(Map.entry(name, value))));
        String query = request.encodedQueryParameters().orElse("");
        return new SigningRequest(request.method().name(), request.encodedPath(), query, headers, payloadHash);
    }

    static SdkHttpRequest.Builder request(SdkHttpMethod method, String host, String encodedPath) {
        return SdkHttpRequest.builder().method(method).protocol("https").host(host).encodedPath(encodedPath);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(ContentStreamProvider provider) {
        try (InputStream in = provider.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

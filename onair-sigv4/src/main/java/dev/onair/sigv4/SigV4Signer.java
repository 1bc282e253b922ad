package dev.onair.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Client-side SigV4 for our own tests, benchmarks and console: header signing and presigning. Not used by the server
 * to verify (the verifier recomputes independently, and the tests check both against the AWS SDK).
 */
public final class SigV4Signer {
    /** botocore's SIGNED_HEADERS_BLACKLIST plus authorization: headers that hops may rewrite or that carry the result. */
    private static final Set<String> NEVER_SIGNED = Set.of("authorization", "connection", "expect", "keep-alive",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "user-agent",
            "x-amzn-trace-id");

    private final SigningKeyCache keys;

    public SigV4Signer() {
        this(new SigningKeyCache(64));
    }

    public SigV4Signer(SigningKeyCache keys) {
        this.keys = Objects.requireNonNull(keys, "keys is null");
    }

    /**
     * Returns the request with X-Amz-Date, X-Amz-Security-Token (for session credentials), x-amz-content-sha256 (S3,
     * when the payload hash is known) and Authorization added. Every other header present is signed, so the request
     * must already carry Host.
     */
    public SigningRequest sign(SigningRequest request, SigningCredentials credentials, String region, String service,
            Instant time, boolean s3Rules) {
        SigningRequest prepared = request.withHeader("X-Amz-Date", AmzDates.formatBasic(time));
        if (credentials.sessionToken() != null) {
            prepared = prepared.withHeader("X-Amz-Security-Token", credentials.sessionToken());
        }
        if (s3Rules && request.header(SigV4.HEADER_CONTENT_SHA256).isEmpty() && request.payloadHash() != null) {
            prepared = prepared.withHeader("x-amz-content-sha256", request.payloadHash());
        }
        return prepared.withHeader("Authorization",
                authorizationHeader(prepared, credentials, region, service, time, s3Rules));
    }

    /** The Authorization value for the request as it stands (X-Amz-Date must already equal {@code time}). */
    public String authorizationHeader(SigningRequest request, SigningCredentials credentials, String region,
            String service, Instant time, boolean s3Rules) {
        TreeSet<String> names = new TreeSet<>();
        request.headers().forEach(header -> names.add(header.getKey().toLowerCase(Locale.ROOT)));
        names.removeAll(NEVER_SIGNED);
        List<String> signedHeaders = List.copyOf(names);
        String scope = AmzDates.dateStamp(time) + "/" + region + "/" + service + "/" + SigV4.TERMINATOR;
        String canonical = CanonicalRequest.build(request, signedHeaders, payloadHash(request, false, s3Rules),
                s3Rules, false);
        String signature = sign(canonical, credentials, region, service, time, scope);
        return SigV4.ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope + ", SignedHeaders="
                + String.join(";", signedHeaders) + ", Signature=" + signature;
    }

    /**
     * Returns the request with the X-Amz-* query parameters of a presigned URL appended. Only {@code host} is signed,
     * so the URL works from any client (a browser cannot add signed headers).
     */
    public SigningRequest presign(SigningRequest request, SigningCredentials credentials, String region, String service,
            Instant time, Duration expires, boolean s3Rules) {
        String scope = AmzDates.dateStamp(time) + "/" + region + "/" + service + "/" + SigV4.TERMINATOR;
        StringBuilder query = new StringBuilder(request.rawQuery());
        appendParam(query, SigV4.PARAM_ALGORITHM, SigV4.ALGORITHM);
        appendParam(query, SigV4.PARAM_CREDENTIAL, credentials.accessKeyId() + "/" + scope);
        appendParam(query, SigV4.PARAM_DATE, AmzDates.formatBasic(time));
        appendParam(query, SigV4.PARAM_EXPIRES, Long.toString(expires.toSeconds()));
        appendParam(query, SigV4.PARAM_SIGNED_HEADERS, "host");
        if (credentials.sessionToken() != null) {
            appendParam(query, SigV4.PARAM_SECURITY_TOKEN, credentials.sessionToken());
        }
        SigningRequest unsigned = request.withRawQuery(query.toString());
        String canonical = CanonicalRequest.build(unsigned, List.of("host"), payloadHash(unsigned, true, s3Rules),
                s3Rules, true);
        appendParam(query, SigV4.PARAM_SIGNATURE, sign(canonical, credentials, region, service, time, scope));
        return request.withRawQuery(query.toString());
    }

    private String sign(String canonical, SigningCredentials credentials, String region, String service, Instant time,
            String scope) {
        String stringToSign = CanonicalRequest.stringToSign(AmzDates.formatBasic(time), scope, canonical);
        byte[] key = keys.signingKey(credentials.secretAccessKey(), AmzDates.dateStamp(time), region, service);
        return Crypto.hex(Crypto.hmac(key, stringToSign));
    }

    private static String payloadHash(SigningRequest request, boolean presigned, boolean s3Rules) {
        return request.header(SigV4.HEADER_CONTENT_SHA256).map(String::trim).orElseGet(() -> {
            if (presigned && s3Rules) {
                return SigV4.UNSIGNED_PAYLOAD;
            }
            return request.payloadHash() != null ? request.payloadHash() : SigV4.EMPTY_SHA256;
        });
    }

    private static void appendParam(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(UriEncoding.encode(name, false)).append('=').append(UriEncoding.encode(value, false));
    }
}

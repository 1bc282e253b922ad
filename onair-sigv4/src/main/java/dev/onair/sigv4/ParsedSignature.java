package dev.onair.sigv4;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a request claims about its signature, parsed without the secret.
 *
 * <p>The server needs this before it can verify: the access key id selects the secret, and {@link #service()} (the
 * credential-scope service) selects the handler.
 *
 * @param date           credential-scope date {@code yyyyMMdd}, as sent
 * @param terminator     fourth scope element; {@code aws4_request} when valid (checked by the verifier)
 * @param signedHeaders  names from SignedHeaders, as sent (lowercase for every real client)
 * @param requestTime    from X-Amz-Date, else the Date header
 * @param amzDate        the request time in {@code yyyyMMdd'T'HHmmss'Z'}, which is what strings-to-sign contain
 * @param securityToken  X-Amz-Security-Token (header or query), {@code null} for long-term keys
 * @param presigned      query-string authentication
 * @param expiresSeconds X-Amz-Expires; empty for header authentication or non-S3 query signing without expiry
 */
public record ParsedSignature(
        String accessKeyId,
        String date,
        String region,
        String service,
        String terminator,
        List<String> signedHeaders,
        String signature,
        Instant requestTime,
        String amzDate,
        String securityToken,
        boolean presigned,
        OptionalLong expiresSeconds) {

    public ParsedSignature {
        Objects.requireNonNull(accessKeyId, "accessKeyId is null");
        Objects.requireNonNull(date, "date is null");
        Objects.requireNonNull(region, "region is null");
        Objects.requireNonNull(service, "service is null");
        Objects.requireNonNull(terminator, "terminator is null");
        signedHeaders = List.copyOf(signedHeaders);
        Objects.requireNonNull(signature, "signature is null");
        Objects.requireNonNull(requestTime, "requestTime is null");
        Objects.requireNonNull(amzDate, "amzDate is null");
        Objects.requireNonNull(expiresSeconds, "expiresSeconds is null");
    }

    /** {@code date/region/service/terminator}, the scope line of every string-to-sign. */
    public String credentialScope() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }

    /** SignedHeaders exactly as it appears in the canonical request. */
    public String signedHeadersLine() {
        return String.join(";", signedHeaders);
    }

    /** The session token is a credential; it never appears here. */
    @Override
    public String toString() {
        return "ParsedSignature[accessKeyId=" + accessKeyId + ", scope=" + credentialScope()
                + ", signedHeaders=" + signedHeadersLine() + ", requestTime=" + amzDate
                + ", securityToken=" + (securityToken == null ? "none" : "<redacted>")
                + ", presigned=" + presigned + ", expiresSeconds=" + expiresSeconds + "]";
    }
}

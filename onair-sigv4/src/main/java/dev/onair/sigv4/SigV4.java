package dev.onair.sigv4;

import java.time.Duration;

/** Constants of the SigV4 wire format shared by parser, verifier, signer and chunk decoder. */
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String TERMINATOR = "aws4_request";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final String STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public static final String STREAMING_SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    public static final String HEADER_AUTHORIZATION = "authorization";
    public static final String HEADER_DATE = "x-amz-date";
    public static final String HEADER_HTTP_DATE = "date";
    public static final String HEADER_SECURITY_TOKEN = "x-amz-security-token";
    public static final String HEADER_CONTENT_SHA256 = "x-amz-content-sha256";
    public static final String HEADER_DECODED_LENGTH = "x-amz-decoded-content-length";
    public static final String HEADER_TRAILER = "x-amz-trailer";

    public static final String PARAM_ALGORITHM = "X-Amz-Algorithm";
    public static final String PARAM_CREDENTIAL = "X-Amz-Credential";
    public static final String PARAM_DATE = "X-Amz-Date";
    public static final String PARAM_EXPIRES = "X-Amz-Expires";
    public static final String PARAM_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    public static final String PARAM_SIGNATURE = "X-Amz-Signature";
    public static final String PARAM_SECURITY_TOKEN = "X-Amz-Security-Token";

    /** AWS allows 15 minutes between the client's clock and the server's for header-signed requests. */
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);
    /** Presigned URLs live at most one week (S3 rule, also enforced by the SDK signers). */
    public static final long MAX_EXPIRES_SECONDS = 604_800L;

    private SigV4() {
    }
}

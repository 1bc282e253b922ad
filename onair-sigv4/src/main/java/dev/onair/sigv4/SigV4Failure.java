package dev.onair.sigv4;

import java.util.Map;
import java.util.Objects;

/**
 * Why a request failed authentication, with the message AWS sends for it (iam.md §3.4–3.5).
 *
 * <p>The message is chosen for the protocol family the caller declared through {@code s3Rules}: S3 words several
 * failures differently from the Query/JSON services. {@link #details()} carries the extra elements S3 error bodies
 * include ({@code CanonicalRequest}, {@code StringToSign}, {@code RequestTime}, ...) keyed by their XML element name.
 * Details may contain a session token inside the canonical request, so {@link #toString()} leaves them out.
 *
 * @param queryForm the failure concerns presigned (query-string) authentication, which S3 reports under different codes
 */
public record SigV4Failure(Reason reason, String message, boolean queryForm, Map<String, String> details) {

    public static final String AWS_ACCESS_KEY_ID = "AWSAccessKeyId";
    public static final String CANONICAL_REQUEST = "CanonicalRequest";
    public static final String STRING_TO_SIGN = "StringToSign";
    public static final String SIGNATURE_PROVIDED = "SignatureProvided";
    public static final String REQUEST_TIME = "RequestTime";
    public static final String SERVER_TIME = "ServerTime";
    public static final String MAX_ALLOWED_SKEW_MILLISECONDS = "MaxAllowedSkewMilliseconds";
    public static final String X_AMZ_EXPIRES = "X-Amz-Expires";
    public static final String EXPIRES = "Expires";
    public static final String HEADERS_NOT_SIGNED = "HeadersNotSigned";

    /** The situation, independent of wire protocol. */
    public enum Reason {
        /** Neither an Authorization header nor X-Amz-* query authentication. */
        MISSING_AUTHENTICATION,
        /** Authorization header lacks Credential/SignedHeaders/Signature/date, or a part is not key=value. */
        INCOMPLETE_SIGNATURE,
        /** Presigned URL lacks one of the required X-Amz-* parameters. */
        INCOMPLETE_QUERY_SIGNATURE,
        /** Credential is not {@code AKID/YYYYMMDD/region/service/terminator}. */
        MALFORMED_CREDENTIAL,
        /** X-Amz-Date / Date unparseable (or, for S3 header auth, absent). */
        MALFORMED_DATE,
        /** Algorithm other than AWS4-HMAC-SHA256 (SigV2, SigV4a, Bearer...). */
        UNSUPPORTED_ALGORITHM,
        /** Both Authorization header and query-string authentication. */
        AMBIGUOUS_AUTHENTICATION,
        /** SignedHeaders lists neither host nor :authority. */
        HOST_NOT_SIGNED,
        /** S3: an x-amz-* header is present but not in SignedHeaders. */
        UNSIGNED_HEADERS,
        SCOPE_INVALID_TERMINATOR,
        SCOPE_DATE_MISMATCH,
        /** Raised by the caller, who knows which regions it serves. */
        SCOPE_INVALID_REGION,
        /** Raised by the caller, who knows which service the endpoint is. */
        SCOPE_WRONG_SERVICE,
        /** Header auth: request time more than the allowed skew in the past. */
        REQUEST_EXPIRED,
        /** Header auth: request time more than the allowed skew in the future. */
        REQUEST_NOT_YET_VALID,
        PRESIGNED_EXPIRED,
        PRESIGNED_NOT_YET_VALID,
        /** X-Amz-Expires not a number or not positive. */
        INVALID_EXPIRES,
        EXPIRES_TOO_LARGE,
        SIGNATURE_MISMATCH,
        /** x-amz-content-sha256 is neither a known keyword nor a SHA-256 hex digest. */
        INVALID_CONTENT_SHA256,
        /** x-amz-content-sha256 is a digest, and the body hashes to something else. */
        PAYLOAD_HASH_MISMATCH,
        MALFORMED_CHUNKED_BODY,
        CHUNK_SIGNATURE_MISMATCH,
        /** x-amz-decoded-content-length missing or different from the decoded size. */
        DECODED_LENGTH_MISMATCH
    }

    /** How the protocol layer serialises errors (iam.md §3.6); only the code and status differ per family here. */
    public enum ProtocolFamily {
        /** awsQuery and ec2 (IAM, STS, SNS). */
        QUERY,
        /** awsJson1_0/1_1 and smithy-rpc-v2-cbor. */
        JSON,
        /** restJson1 (IVS, Lambda). */
        REST_JSON,
        /** restXml as S3 speaks it. */
        REST_XML_S3
    }

    /** Error code and HTTP status as a client expects them. */
    public record WireError(String code, int httpStatus) {
    }

    public SigV4Failure {
        Objects.requireNonNull(reason, "reason is null");
        Objects.requireNonNull(message, "message is null");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static SigV4Failure of(Reason reason, String message) {
        return new SigV4Failure(reason, message, false, Map.of());
    }

    /** The code and status for this failure under the given protocol family (iam.md §3.5; [U] rows are guesses). */
    public WireError codeFor(ProtocolFamily family) {
        return switch (family) {
            case QUERY -> awsService(403, "", 400);
            case JSON -> awsService(400, "Exception", 400);
            case REST_JSON -> awsService(403, "Exception", 403);
            case REST_XML_S3 -> s3();
        };
    }

    private WireError awsService(int authStatus, String suffix, int malformedStatus) {
        return switch (reason) {
            case MISSING_AUTHENTICATION -> new WireError("MissingAuthenticationToken" + suffix, authStatus);
            case INCOMPLETE_SIGNATURE, INCOMPLETE_QUERY_SIGNATURE, MALFORMED_CREDENTIAL, MALFORMED_DATE,
                    UNSUPPORTED_ALGORITHM, AMBIGUOUS_AUTHENTICATION, HOST_NOT_SIGNED, INVALID_EXPIRES,
                    EXPIRES_TOO_LARGE -> new WireError("IncompleteSignature" + suffix, malformedStatus);
            case MALFORMED_CHUNKED_BODY -> new WireError("IncompleteBody", 400);
            case UNSIGNED_HEADERS, SCOPE_INVALID_TERMINATOR, SCOPE_DATE_MISMATCH, SCOPE_INVALID_REGION,
                    SCOPE_WRONG_SERVICE, REQUEST_EXPIRED, REQUEST_NOT_YET_VALID, PRESIGNED_EXPIRED,
                    PRESIGNED_NOT_YET_VALID, SIGNATURE_MISMATCH, INVALID_CONTENT_SHA256, PAYLOAD_HASH_MISMATCH,
                    CHUNK_SIGNATURE_MISMATCH, DECODED_LENGTH_MISMATCH -> suffix.isEmpty()
                    ? new WireError("SignatureDoesNotMatch", 403)
                    : new WireError("InvalidSignature" + suffix, authStatus);
        };
    }

    private WireError s3() {
        return switch (reason) {
            case MISSING_AUTHENTICATION, PRESIGNED_EXPIRED, PRESIGNED_NOT_YET_VALID, UNSIGNED_HEADERS ->
                    new WireError("AccessDenied", 403);
            case INCOMPLETE_QUERY_SIGNATURE, INVALID_EXPIRES, EXPIRES_TOO_LARGE ->
                    new WireError("AuthorizationQueryParametersError", 400);
            case MALFORMED_DATE -> queryForm
                    ? new WireError("AuthorizationQueryParametersError", 400)
                    : new WireError("AccessDenied", 403);
            case UNSUPPORTED_ALGORITHM -> queryForm
                    ? new WireError("AuthorizationQueryParametersError", 400)
                    : new WireError("InvalidRequest", 400);
            case INCOMPLETE_SIGNATURE, MALFORMED_CREDENTIAL, HOST_NOT_SIGNED, SCOPE_INVALID_TERMINATOR,
                    SCOPE_DATE_MISMATCH, SCOPE_INVALID_REGION, SCOPE_WRONG_SERVICE -> queryForm
                    ? new WireError("AuthorizationQueryParametersError", 400)
                    : new WireError("AuthorizationHeaderMalformed", 400);
            case AMBIGUOUS_AUTHENTICATION, INVALID_CONTENT_SHA256 -> new WireError("InvalidArgument", 400);
            case REQUEST_EXPIRED, REQUEST_NOT_YET_VALID -> new WireError("RequestTimeTooSkewed", 403);
            case SIGNATURE_MISMATCH, CHUNK_SIGNATURE_MISMATCH, DECODED_LENGTH_MISMATCH ->
                    new WireError("SignatureDoesNotMatch", 403);
            case PAYLOAD_HASH_MISMATCH -> new WireError("XAmzContentSHA256Mismatch", 400);
            case MALFORMED_CHUNKED_BODY -> new WireError("IncompleteBody", 400);
        };
    }

    /** For a server that serves only some regions: {@code SCOPE_INVALID_REGION} in AWS's words. */
    public static SigV4Failure invalidRegion(String region, String expectedRegion, boolean s3Rules, boolean queryForm) {
        String message = s3Rules
                ? "The authorization header is malformed; the region '" + region + "' is wrong; expecting '"
                        + expectedRegion + "'"
                : "Credential should be scoped to a valid Region, not '" + region + "'.";
        return new SigV4Failure(Reason.SCOPE_INVALID_REGION, message, queryForm, Map.of());
    }

    /** For an endpoint reached with a credential scoped to another service. */
    public static SigV4Failure wrongService(String expectedService, boolean queryForm) {
        return new SigV4Failure(Reason.SCOPE_WRONG_SERVICE,
                "Credential should be scoped to correct service: '" + expectedService + "'.", queryForm, Map.of());
    }

    @Override
    public String toString() {
        return "SigV4Failure[" + reason + ": " + message + "]";
    }
}

package dev.onair.sigv4;

import dev.onair.sigv4.SigV4Failure.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a parsed SigV4 signature against the secret, in the order AWS reports problems: credential scope, time,
 * header coverage, then the signature itself. Stateless apart from the shared signing-key cache; thread-safe.
 */
public final class SignatureV4Verifier {
    private static final String SIGNATURE_MISMATCH_QUERY = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
            + "documentation for details.";
    private static final String SIGNATURE_MISMATCH_S3 = "The request signature we calculated does not match the "
            + "signature you provided. Check your key and signing method.";

    private final SigningKeyCache keys;
    private final Duration maxSkew;

    public SignatureV4Verifier() {
        this(new SigningKeyCache(), SigV4.DEFAULT_MAX_SKEW);
    }

    public SignatureV4Verifier(SigningKeyCache keys, Duration maxSkew) {
        this.keys = Objects.requireNonNull(keys, "keys is null");
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew is null");
    }

    public SigningKeyCache keyCache() {
        return keys;
    }

    /** Parses and verifies in one step, for callers that already hold the secret (tests, single-tenant tools). */
    public VerificationResult verify(SigningRequest request, String secretAccessKey, Instant now, boolean s3Rules) {
        try {
            return verify(request, SigV4Parser.parse(request, s3Rules), secretAccessKey, now, s3Rules);
        } catch (SigV4Exception e) {
            return new VerificationResult.Failed(e.failure());
        }
    }

    /**
     * @param request         the request the signature was parsed from
     * @param secretAccessKey the secret of {@code signature.accessKeyId()}
     * @param now             server time; a parameter so tests and clock-skew handling stay deterministic
     * @param s3Rules         S3 canonicalisation (path as sent) and S3 error wording
     * @throws IllegalArgumentException if the request carries no x-amz-content-sha256, is not an S3 presigned URL, and
     *                                  its {@link SigningRequest#payloadHash()} is null: the caller must hash the body
     */
    public VerificationResult verify(SigningRequest request, ParsedSignature signature, String secretAccessKey,
            Instant now, boolean s3Rules) {
        SigV4Failure failure = checkScope(signature, s3Rules);
        if (failure == null) {
            failure = checkHostSigned(signature);
        }
        if (failure == null) {
            failure = signature.presigned() ? checkPresignedTime(signature, now, s3Rules)
                    : checkSkew(signature, now, s3Rules, false);
        }
        if (failure == null && s3Rules && !signature.presigned()) {
            failure = checkAllAmzHeadersSigned(request, signature);
        }
        if (failure != null) {
            return new VerificationResult.Failed(failure);
        }
        String hashedPayload;
        try {
            hashedPayload = hashedPayload(request, signature, s3Rules);
        } catch (SigV4Exception e) {
            return new VerificationResult.Failed(e.failure());
        }
        failure = checkSignature(request, signature, secretAccessKey, hashedPayload, s3Rules);
        if (failure == null && Crypto.isLowerHexSha256(hashedPayload) && request.payloadHash() != null
                && !hashedPayload.equalsIgnoreCase(request.payloadHash())) {
            failure = new SigV4Failure(Reason.PAYLOAD_HASH_MISMATCH,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.", false, Map.of());
        }
        return failure == null ? new VerificationResult.Verified(signature, hashedPayload)
                : new VerificationResult.Failed(failure);
    }

    private static SigV4Failure checkScope(ParsedSignature signature, boolean s3Rules) {
        boolean query = signature.presigned();
        if (!signature.terminator().equals(SigV4.TERMINATOR)) {
            return new SigV4Failure(Reason.SCOPE_INVALID_TERMINATOR, s3Rules
                    ? (query ? "Error parsing the X-Amz-Credential parameter; " : "The authorization header is "
                            + "malformed; ") + "the Credential is mal-formed; expecting "
                            + "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."
                    : "Credential should be scoped with a valid terminator: 'aws4_request', not '"
                            + signature.terminator() + "'.", query, Map.of());
        }
        String requestDate = AmzDates.dateStamp(signature.requestTime());
        if (!signature.date().equals(requestDate)) {
            return new SigV4Failure(Reason.SCOPE_DATE_MISMATCH, s3Rules
                    ? (query ? "" : "The authorization header is malformed; ")
                            + "Invalid credential date. Date is not the same as X-Amz-Date."
                    : "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + signature.date() + "' != '" + requestDate + "', from '" + signature.amzDate() + "'.",
                    query, Map.of());
        }
        return null;
    }

    private static SigV4Failure checkHostSigned(ParsedSignature signature) {
        for (String name : signature.signedHeaders()) {
            if (name.equalsIgnoreCase("host") || name.equalsIgnoreCase(":authority")) {
                return null;
            }
        }
        return new SigV4Failure(Reason.HOST_NOT_SIGNED,
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", signature.presigned(),
                Map.of());
    }

    private SigV4Failure checkPresignedTime(ParsedSignature signature, Instant now, boolean s3Rules) {
        if (signature.expiresSeconds().isEmpty()) {
            // Non-S3 query signing without X-Amz-Expires behaves like header signing.
            return checkSkew(signature, now, s3Rules, true);
        }
        long expires = signature.expiresSeconds().getAsLong();
        if (expires > SigV4.MAX_EXPIRES_SECONDS) {
            return new SigV4Failure(Reason.EXPIRES_TOO_LARGE, "X-Amz-Expires must be less than a week (in seconds); "
                    + "that is, the given X-Amz-Expires must be less than 604800 seconds", true, Map.of());
        }
        Instant expiry = signature.requestTime().plusSeconds(expires);
        if (now.isAfter(expiry)) {
            return new SigV4Failure(Reason.PRESIGNED_EXPIRED, "Request has expired", true, Map.of(
                    SigV4Failure.X_AMZ_EXPIRES, Long.toString(expires),
                    SigV4Failure.EXPIRES, AmzDates.formatIso(expiry),
                    SigV4Failure.SERVER_TIME, AmzDates.formatIso(now)));
        }
        if (signature.requestTime().isAfter(now.plus(maxSkew))) {
            return s3Rules
                    ? new SigV4Failure(Reason.PRESIGNED_NOT_YET_VALID, "Request is not valid yet", true, Map.of())
                    : checkSkew(signature, now, false, true);
        }
        return null;
    }

    private SigV4Failure checkSkew(ParsedSignature signature, Instant now, boolean s3Rules, boolean queryForm) {
        Instant requestTime = signature.requestTime();
        boolean expired = requestTime.isBefore(now.minus(maxSkew));
        boolean early = requestTime.isAfter(now.plus(maxSkew));
        if (!expired && !early) {
            return null;
        }
        Reason reason = expired ? Reason.REQUEST_EXPIRED : Reason.REQUEST_NOT_YET_VALID;
        if (s3Rules) {
            return new SigV4Failure(reason, "The difference between the request time and the current time is too large.",
                    queryForm, Map.of(
                            SigV4Failure.REQUEST_TIME, signature.amzDate(),
                            SigV4Failure.SERVER_TIME, AmzDates.formatIso(now),
                            SigV4Failure.MAX_ALLOWED_SKEW_MILLISECONDS, Long.toString(maxSkew.toMillis())));
        }
        String minutes = maxSkew.toMinutes() + " min.)";
        String nowText = AmzDates.formatBasic(now);
        String message = expired
                ? "Signature expired: " + signature.amzDate() + " is now earlier than "
                        + AmzDates.formatBasic(now.minus(maxSkew)) + " (" + nowText + " - " + minutes
                : "Signature not yet current: " + signature.amzDate() + " is still later than "
                        + AmzDates.formatBasic(now.plus(maxSkew)) + " (" + nowText + " + " + minutes;
        return new SigV4Failure(reason, message, queryForm, Map.of());
    }

    /** S3 refuses x-amz-* headers outside SignedHeaders, since they change what the request does. */
    private static SigV4Failure checkAllAmzHeadersSigned(SigningRequest request, ParsedSignature signature) {
        Set<String> signed = new HashSet<>();
        signature.signedHeaders().forEach(name -> signed.add(name.toLowerCase(Locale.ROOT)));
        List<String> unsigned = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-amz-") && !signed.contains(name) && !unsigned.contains(name)) {
                unsigned.add(name);
            }
        }
        if (unsigned.isEmpty()) {
            return null;
        }
        return new SigV4Failure(Reason.UNSIGNED_HEADERS,
                "There were headers present in the request which were not signed", false,
                Map.of(SigV4Failure.HEADERS_NOT_SIGNED, String.join(", ", unsigned)));
    }

    static String hashedPayload(SigningRequest request, ParsedSignature signature, boolean s3Rules)
            throws SigV4Exception {
        String declared = request.header(SigV4.HEADER_CONTENT_SHA256).map(String::trim).orElse(null);
        if (declared != null) {
            // The client put this exact value in its canonical request, keyword or digest alike.
            if (s3Rules && !isKnownPayloadKeyword(declared) && !Crypto.isLowerHexSha256(declared)) {
                throw new SigV4Exception(new SigV4Failure(Reason.INVALID_CONTENT_SHA256, "x-amz-content-sha256 must be "
                        + "UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, "
                        + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, "
                        + "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.", false, Map.of()));
            }
            return declared;
        }
        if (signature.presigned() && s3Rules) {
            return SigV4.UNSIGNED_PAYLOAD;
        }
        if (request.payloadHash() != null) {
            return request.payloadHash();
        }
        if (s3Rules) {
            throw new SigV4Exception(new SigV4Failure(Reason.INVALID_CONTENT_SHA256,
                    "Missing required header for this request: x-amz-content-sha256", false, Map.of()));
        }
        throw new IllegalArgumentException("payloadHash is required when the request has no x-amz-content-sha256");
    }

    private static boolean isKnownPayloadKeyword(String value) {
        return value.equals(SigV4.UNSIGNED_PAYLOAD) || value.startsWith("STREAMING-");
    }

    private String sign(String secretAccessKey, ParsedSignature signature, String stringToSign) {
        return keys.signatureHex(secretAccessKey, signature.date(), signature.region(), signature.service(),
                stringToSign);
    }

    private SigV4Failure checkSignature(SigningRequest request, ParsedSignature signature, String secretAccessKey,
            String hashedPayload, boolean s3Rules) {
        String canonicalQuery = CanonicalRequest.canonicalQueryString(request.rawQuery(), signature.presigned());
        String canonicalHeaders = CanonicalRequest.canonicalHeaders(request, signature.signedHeaders());
        String canonicalUri = CanonicalRequest.canonicalUri(request.rawPath(), s3Rules);
        String canonical = CanonicalRequest.build(request.method(), canonicalUri, canonicalQuery, canonicalHeaders,
                signature.signedHeadersLine(), hashedPayload);
        String stringToSign = CanonicalRequest.stringToSign(signature.amzDate(), signature.credentialScope(), canonical);
        if (Crypto.signaturesEqual(sign(secretAccessKey, signature, stringToSign), signature.signature())) {
            return null;
        }
        // Clients disagree at the edges; each alternative below is a form some real signer produces, and all are
        // computed from the same wire request, so accepting them widens no forgery surface. Only paid on mismatch.
        String variantUri = s3Rules ? null : CanonicalRequest.sdkVariantCanonicalUri(request.rawPath());
        // botocore hashes the (empty) body of a non-S3 presigned URL; the AWS SDK for Java v2 presigners send
        // UNSIGNED-PAYLOAD.
        boolean tryUnsigned = signature.presigned() && !s3Rules && !hashedPayload.equals(SigV4.UNSIGNED_PAYLOAD)
                && request.header(SigV4.HEADER_CONTENT_SHA256).isEmpty();
        for (String uri : new String[] {canonicalUri, variantUri}) {
            for (String payload : new String[] {hashedPayload, tryUnsigned ? SigV4.UNSIGNED_PAYLOAD : null}) {
                if (uri == null || payload == null || (uri.equals(canonicalUri) && payload.equals(hashedPayload))) {
                    continue;
                }
                String variant = CanonicalRequest.build(request.method(), uri, canonicalQuery, canonicalHeaders,
                        signature.signedHeadersLine(), payload);
                String variantToSign =
                        CanonicalRequest.stringToSign(signature.amzDate(), signature.credentialScope(), variant);
                if (Crypto.signaturesEqual(sign(secretAccessKey, signature, variantToSign), signature.signature())) {
                    return null;
                }
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put(SigV4Failure.AWS_ACCESS_KEY_ID, signature.accessKeyId());
        details.put(SigV4Failure.STRING_TO_SIGN, stringToSign);
        details.put(SigV4Failure.SIGNATURE_PROVIDED, signature.signature());
        details.put(SigV4Failure.CANONICAL_REQUEST, canonical);
        return new SigV4Failure(Reason.SIGNATURE_MISMATCH, s3Rules ? SIGNATURE_MISMATCH_S3 : SIGNATURE_MISMATCH_QUERY,
                signature.presigned(), details);
    }
}

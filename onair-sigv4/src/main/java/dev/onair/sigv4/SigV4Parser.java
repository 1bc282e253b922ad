package dev.onair.sigv4;

import dev.onair.sigv4.SigV4Failure.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the SigV4 claims of a request (header or presigned form) without the secret.
 *
 * <p>Only structure is checked here; scope, time and signature are the verifier's job, so that the server can look
 * the access key up first and report an unknown key the way AWS does.
 */
public final class SigV4Parser {
    private static final String CREDENTIAL_FORMAT = "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"";

    private SigV4Parser() {
    }

    /** Parses with the Query/JSON services' error wording. */
    public static ParsedSignature parse(SigningRequest request) throws SigV4Exception {
        return parse(request, false);
    }

    /** Parses; {@code s3Rules} selects S3's wording and makes X-Amz-Expires mandatory for presigned URLs. */
    public static ParsedSignature parse(SigningRequest request, boolean s3Rules) throws SigV4Exception {
        Optional<String> authorization = request.header(SigV4.HEADER_AUTHORIZATION);
        boolean queryAuth = hasQueryAuthentication(request.rawQuery());
        if (authorization.isPresent() && queryAuth) {
            throw failure(Reason.AMBIGUOUS_AUTHENTICATION, "Only one auth mechanism allowed; only the X-Amz-Algorithm "
                    + "query parameter, Signature query string parameter or the Authorization header should be specified",
                    false);
        }
        if (authorization.isPresent()) {
            return parseHeader(request, authorization.get(), s3Rules);
        }
        if (queryAuth) {
            return parseQuery(request, s3Rules);
        }
        throw failure(Reason.MISSING_AUTHENTICATION,
                s3Rules ? "Access Denied" : "Request is missing Authentication Token", false);
    }

    /**
     * The credential-scope service of the request, or {@code null}; never fails. Cheap enough to route on before any
     * real parsing, because the service decides which protocol (and so which error wording) applies.
     */
    public static String credentialScopeService(SigningRequest request) {
        String credential = request.header(SigV4.HEADER_AUTHORIZATION)
                .map(SigV4Parser::credentialFromHeader)
                .orElseGet(() -> request.queryParameter(SigV4.PARAM_CREDENTIAL).orElse(null));
        if (credential == null) {
            return null;
        }
        String[] parts = credential.split("/", -1);
        return parts.length == 5 && !parts[3].isEmpty() ? parts[3] : null;
    }

    static boolean hasQueryAuthentication(String rawQuery) {
        if (rawQuery.indexOf("X-Amz-") < 0 && rawQuery.indexOf("X-Amz%2D") < 0 && rawQuery.indexOf('%') < 0) {
            return false;
        }
        return QueryString.contains(rawQuery, SigV4.PARAM_ALGORITHM)
                || QueryString.contains(rawQuery, SigV4.PARAM_CREDENTIAL)
                || QueryString.contains(rawQuery, SigV4.PARAM_SIGNATURE);
    }

    private static String credentialFromHeader(String authorization) {
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return null;
        }
        start += "Credential=".length();
        int end = start;
        while (end < authorization.length() && authorization.charAt(end) != ',' && authorization.charAt(end) != ' ') {
            end++;
        }
        return authorization.substring(start, end);
    }

    private static ParsedSignature parseHeader(SigningRequest request, String authorization, boolean s3Rules)
            throws SigV4Exception {
        String value = authorization.trim();
        int space = indexOfWhitespace(value);
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!algorithm.isEmpty() && !algorithm.equals(SigV4.ALGORITHM)) {
            throw failure(Reason.UNSUPPORTED_ALGORITHM, s3Rules
                    ? "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256."
                    : "Unsupported AWS 'algorithm': '" + algorithm + "'", false);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        String rest = space < 0 ? "" : value.substring(space + 1);
        for (String part : rest.split(",", -1)) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                throw failure(Reason.INCOMPLETE_SIGNATURE, "'" + trimmed + "' not a valid key=value pair "
                        + "(missing equal-sign) in Authorization header: '" + authorization + "'.", false);
            }
            parts.putIfAbsent(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
        }
        Optional<String> amzDate = request.header(SigV4.HEADER_DATE);
        Optional<String> httpDate = request.header(SigV4.HEADER_HTTP_DATE);
        List<String> missing = new ArrayList<>(4);
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!parts.containsKey(required)) {
                missing.add("Authorization header requires '" + required + "' parameter.");
            }
        }
        if (amzDate.isEmpty() && httpDate.isEmpty() && !s3Rules) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            throw failure(Reason.INCOMPLETE_SIGNATURE,
                    String.join(" ", missing) + " Authorization=" + authorization, false);
        }
        String[] credential = splitCredential(parts.get("Credential"), s3Rules
                ? "The authorization header is malformed; the Credential is mal-formed; expecting " + CREDENTIAL_FORMAT + "."
                : "Credential is mal-formed; expecting " + CREDENTIAL_FORMAT + ".", false);
        Instant requestTime = headerRequestTime(amzDate, httpDate, s3Rules);
        return new ParsedSignature(credential[0], credential[1], credential[2], credential[3], credential[4],
                splitSignedHeaders(parts.get("SignedHeaders")), parts.get("Signature"), requestTime,
                AmzDates.formatBasic(requestTime), request.header(SigV4.HEADER_SECURITY_TOKEN).orElse(null),
                false, OptionalLong.empty());
    }

    private static Instant headerRequestTime(Optional<String> amzDate, Optional<String> httpDate, boolean s3Rules)
            throws SigV4Exception {
        // X-Amz-Date wins over Date: proxies and HTTP stacks rewrite Date, so signers prefer their own header.
        Instant time = amzDate.isPresent()
                ? AmzDates.parseBasic(amzDate.get().trim())
                : httpDate.map(AmzDates::parseHttpDate).orElse(null);
        if (time != null) {
            return time;
        }
        if (s3Rules) {
            throw failure(Reason.MALFORMED_DATE, "AWS authentication requires a valid Date or x-amz-date header", false);
        }
        String got = amzDate.orElseGet(httpDate::get);
        throw failure(Reason.MALFORMED_DATE, "Date must be in ISO-8601 'basic format'. Got '" + got
                + "'. See http://en.wikipedia.org/wiki/ISO_8601", false);
    }

    private static ParsedSignature parseQuery(SigningRequest request, boolean s3Rules) throws SigV4Exception {
        String query = request.rawQuery();
        Optional<String> algorithm = QueryString.first(query, SigV4.PARAM_ALGORITHM);
        Optional<String> credential = QueryString.first(query, SigV4.PARAM_CREDENTIAL);
        Optional<String> signature = QueryString.first(query, SigV4.PARAM_SIGNATURE);
        Optional<String> signedHeaders = QueryString.first(query, SigV4.PARAM_SIGNED_HEADERS);
        Optional<String> date = QueryString.first(query, SigV4.PARAM_DATE);
        Optional<String> expires = QueryString.first(query, SigV4.PARAM_EXPIRES);
        if (s3Rules) {
            if (algorithm.isEmpty() || credential.isEmpty() || signature.isEmpty() || date.isEmpty()
                    || signedHeaders.isEmpty() || expires.isEmpty()) {
                throw failure(Reason.INCOMPLETE_QUERY_SIGNATURE, "Query-string authentication version 4 requires the "
                        + "X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and "
                        + "X-Amz-Expires parameters.", true);
            }
        } else {
            List<String> missing = new ArrayList<>(5);
            Map<String, Optional<String>> required = new LinkedHashMap<>();
            required.put(SigV4.PARAM_ALGORITHM, algorithm);
            required.put(SigV4.PARAM_CREDENTIAL, credential);
            required.put(SigV4.PARAM_SIGNATURE, signature);
            required.put(SigV4.PARAM_SIGNED_HEADERS, signedHeaders);
            required.put(SigV4.PARAM_DATE, date);
            required.forEach((name, present) -> {
                if (present.isEmpty()) {
                    missing.add("AWS query-string parameters must include '" + name + "'.");
                }
            });
            if (!missing.isEmpty()) {
                throw failure(Reason.INCOMPLETE_QUERY_SIGNATURE,
                        String.join(" ", missing) + " Re-examine the query-string parameters.", true);
            }
        }
        if (!algorithm.get().equals(SigV4.ALGORITHM)) {
            throw failure(Reason.UNSUPPORTED_ALGORITHM, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"", true);
        }
        String[] scope = splitCredential(credential.get(), "Error parsing the X-Amz-Credential parameter; the "
                + "Credential is mal-formed; expecting " + CREDENTIAL_FORMAT + ".", true);
        Instant requestTime = AmzDates.parseBasic(date.get());
        if (requestTime == null) {
            throw failure(Reason.MALFORMED_DATE,
                    "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"", true);
        }
        return new ParsedSignature(scope[0], scope[1], scope[2], scope[3], scope[4],
                splitSignedHeaders(signedHeaders.get()), signature.get(), requestTime, date.get(),
                QueryString.first(query, SigV4.PARAM_SECURITY_TOKEN).orElse(null), true, parseExpires(expires));
    }

    private static OptionalLong parseExpires(Optional<String> expires) throws SigV4Exception {
        if (expires.isEmpty()) {
            return OptionalLong.empty();
        }
        String text = expires.get();
        boolean digits = !text.isEmpty() && text.length() <= 18
                && text.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9'))
                && text.lastIndexOf('-') <= 0 && !text.equals("-");
        if (!digits) {
            throw failure(Reason.INVALID_EXPIRES, "X-Amz-Expires should be a number", true);
        }
        long seconds = Long.parseLong(text);
        if (seconds < 0) {
            throw failure(Reason.INVALID_EXPIRES, "X-Amz-Expires must be non-negative", true);
        }
        return OptionalLong.of(seconds);
    }

    /** {@code AKID/date/region/service/terminator}; an access key id never contains a slash, so exactly five parts. */
    private static String[] splitCredential(String credential, String message, boolean queryForm)
            throws SigV4Exception {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw failure(Reason.MALFORMED_CREDENTIAL, message, queryForm);
        }
        return parts;
    }

    private static List<String> splitSignedHeaders(String signedHeaders) {
        return List.of(signedHeaders.split(";", -1));
    }

    private static int indexOfWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static SigV4Exception failure(Reason reason, String message, boolean queryForm) {
        return new SigV4Exception(new SigV4Failure(reason, message, queryForm, Map.of()));
    }
}

package dev.onair.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as it arrived on the wire, reduced to what SigV4 covers.
 *
 * @param method      HTTP method, e.g. {@code GET}
 * @param rawPath     path exactly as sent, still percent-encoded; never decoded, because the canonical URI is
 *                    derived from the encoded form
 * @param rawQuery    query string exactly as sent without the leading {@code ?}; empty when absent
 * @param headers     headers in arrival order, names in any case, repeats kept as separate entries
 * @param payloadHash lowercase hex SHA-256 of the body, or {@code null} when the body has not been hashed (allowed
 *                    whenever {@code x-amz-content-sha256} is present or the request is an S3 presigned URL)
 */
public record SigningRequest(
        String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers, String payloadHash) {

    public SigningRequest {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(rawPath, "rawPath is null");
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = List.copyOf(Objects.requireNonNull(headers, "headers is null"));
    }

    /**
     * Builds a request from a request-target ({@code /path?query}) and alternating header names and values.
     *
     * <pre>SigningRequest.of("GET", "/a%20b?x=1", null, "Host", "example.com", "X-Amz-Date", "20240101T000000Z")</pre>
     */
    public static SigningRequest of(String method, String requestTarget, String payloadHash, String... headerNamesAndValues) {
        if (headerNamesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("header names and values must come in pairs");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>(headerNamesAndValues.length / 2);
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            headers.add(Map.entry(headerNamesAndValues[i], headerNamesAndValues[i + 1]));
        }
        return of(method, requestTarget, headers, payloadHash);
    }

    /** Splits {@code requestTarget} at the first {@code ?} into raw path and raw query. */
    public static SigningRequest of(
            String method, String requestTarget, List<Map.Entry<String, String>> headers, String payloadHash) {
        int question = requestTarget.indexOf('?');
        String path = question < 0 ? requestTarget : requestTarget.substring(0, question);
        String query = question < 0 ? "" : requestTarget.substring(question + 1);
        return new SigningRequest(method, path, query, headers, payloadHash);
    }

    /** First value of the header, names compared case-insensitively. */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return Optional.ofNullable(header.getValue());
            }
        }
        return Optional.empty();
    }

    /** Every value of the header in arrival order, names compared case-insensitively. */
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>(1);
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                values.add(header.getValue() == null ? "" : header.getValue());
            }
        }
        return values;
    }

    /** First value of the query parameter, percent-decoded; names compared exactly, as AWS does. */
    public Optional<String> queryParameter(String name) {
        return QueryString.first(rawQuery, name);
    }

    public SigningRequest withPayloadHash(String newPayloadHash) {
        return new SigningRequest(method, rawPath, rawQuery, headers, newPayloadHash);
    }

    public SigningRequest withRawQuery(String newRawQuery) {
        return new SigningRequest(method, rawPath, newRawQuery, headers, payloadHash);
    }

    /** Returns a copy with the header appended (existing values of that name are kept). */
    public SigningRequest withHeader(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.add(Map.entry(name, value));
        return new SigningRequest(method, rawPath, rawQuery, copy, payloadHash);
    }

    /** Credentials travel in headers and query, so both are redacted: logs must never show a session token. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("SigningRequest[").append(method).append(' ').append(rawPath);
        if (!rawQuery.isEmpty()) {
            out.append("?<").append(rawQuery.length()).append(" chars>");
        }
        out.append(", headers=[");
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.get(i).getKey();
            out.append(i == 0 ? "" : ", ").append(name);
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals(SigV4.HEADER_AUTHORIZATION) && !lower.equals(SigV4.HEADER_SECURITY_TOKEN)) {
                out.append('=').append(headers.get(i).getValue());
            }
        }
        return out.append("], payloadHash=").append(payloadHash).append(']').toString();
    }
}

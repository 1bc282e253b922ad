package dev.onair.sigv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the SigV4 canonical request (iam.md §3.2) from the wire form of a request.
 *
 * <pre>
 * Method \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n \n SignedHeaders \n HashedPayload
 * </pre>
 *
 * Public so the console and error bodies (S3's {@code <CanonicalRequest>}) can show what the server computed.
 */
public final class CanonicalRequest {

    private CanonicalRequest() {
    }

    public static String build(SigningRequest request, List<String> signedHeaders, String hashedPayload,
            boolean s3Rules, boolean presigned) {
        return build(request.method(), canonicalUri(request.rawPath(), s3Rules),
                canonicalQueryString(request.rawQuery(), presigned), canonicalHeaders(request, signedHeaders),
                String.join(";", signedHeaders), hashedPayload);
    }

    static String build(String method, String canonicalUri, String canonicalQuery, String canonicalHeaders,
            String signedHeadersLine, String hashedPayload) {
        return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + canonicalHeaders + '\n'
                + signedHeadersLine + '\n' + hashedPayload;
    }

    /**
     * S3 signs the path as sent (object keys may contain {@code //} or {@code ..}); every other service signs the
     * normalised path encoded once more, so {@code %20} on the wire becomes {@code %2520}.
     */
    public static String canonicalUri(String rawPath, boolean s3Rules) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        if (s3Rules) {
            return UriEncoding.encodeKeepingEscapes(rawPath);
        }
        return UriEncoding.encode(UriEncoding.removeDotSegments(rawPath), true);
    }

    /**
     * The AWS SDK for Java v2 normalises paths with {@link java.net.URI#normalize()}, which disagrees with botocore for
     * a leading {@code //} or a {@code ..} above the root. Returns that variant when it differs, else {@code null}.
     */
    static String sdkVariantCanonicalUri(String rawPath) {
        String variant = UriEncoding.javaSdkNormalize(rawPath);
        if (variant == null || variant.equals(UriEncoding.removeDotSegments(rawPath))) {
            return null;
        }
        return UriEncoding.encode(variant, true);
    }

    /**
     * Names and values are decoded from the wire and re-encoded, sorted by name then value. Pairs with an empty name
     * are skipped, as the AWS SDK for Java v2 does; presigned requests leave out their own X-Amz-Signature.
     */
    public static String canonicalQueryString(String rawQuery, boolean presigned) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (QueryString.RawPair pair : QueryString.split(rawQuery)) {
            byte[] name = UriEncoding.percentDecode(pair.name());
            if (name.length == 0) {
                continue;
            }
            String encodedName = UriEncoding.encode(name, false);
            if (presigned && encodedName.equals(SigV4.PARAM_SIGNATURE)) {
                continue;
            }
            pairs.add(new String[] {encodedName, UriEncoding.canonicalQueryComponent(pair.value())});
        }
        pairs.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /**
     * One {@code name:value\n} line per signed header, sorted by name; repeated headers are joined with commas and
     * every value is trimmed with inner whitespace runs collapsed. A signed header absent from the request yields an
     * empty value, which then fails the comparison rather than the parse.
     */
    public static String canonicalHeaders(SigningRequest request, List<String> signedHeaders) {
        Iterable<String> names = signedHeaders;
        if (!isLowercaseAscending(signedHeaders)) {
            TreeSet<String> sorted = new TreeSet<>();
            for (String name : signedHeaders) {
                sorted.add(name.toLowerCase(Locale.ROOT));
            }
            names = sorted;
        }
        StringBuilder out = new StringBuilder(256);
        for (String name : names) {
            out.append(name).append(':');
            // one pass over the headers per name, appending as it goes: no list of values per signed header
            boolean first = true;
            for (Map.Entry<String, String> header : request.headers()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    if (!first) {
                        out.append(',');
                    }
                    trimAll(out, header.getValue() == null ? "" : header.getValue());
                    first = false;
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String stringToSign(String amzDate, String credentialScope, String canonicalRequest) {
        return SigV4.ALGORITHM + '\n' + amzDate + '\n' + credentialScope + '\n' + Crypto.sha256Hex(canonicalRequest);
    }

    /** SigV4 signers send SignedHeaders lowercase and sorted; then no sorted copy is needed. */
    private static boolean isLowercaseAscending(List<String> names) {
        String previous = null;
        for (String name : names) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c >= 'A' && c <= 'Z' || c > 0x7F) {
                    return false;
                }
            }
            if (previous != null && previous.compareTo(name) >= 0) {
                return false;
            }
            previous = name;
        }
        return true;
    }

    static void trimAll(StringBuilder out, String value) {
        if (isTrimmed(value)) {
            out.append(value);
            return;
        }
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = started;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                started = true;
            }
        }
    }

    static String trimAll(String value) {
        StringBuilder out = new StringBuilder(value.length());
        trimAll(out, value);
        return out.toString();
    }

    /** No leading or trailing whitespace, and inner whitespace only as single spaces: trimAll leaves it as it is. */
    private static boolean isTrimmed(String value) {
        int length = value.length();
        if (length == 0) {
            return true;
        }
        if (isWhitespace(value.charAt(0)) || isWhitespace(value.charAt(length - 1))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (isWhitespace(c) && (c != ' ' || value.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
    }
}

package dev.onair.sigv4;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** RFC 3986 percent-encoding as SigV4 defines it: only {@code A-Z a-z 0-9 - _ . ~} stay literal. */
final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    /** Encodes the UTF-8 bytes of {@code text}; {@code keepSlash} is for paths, where segments stay visible. */
    static String encode(String text, boolean keepSlash) {
        if (needsNoEncoding(text, keepSlash)) {
            // the common case (an API path like /GetChannel): the text is its own encoding, nothing to copy
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return encode(bytes, keepSlash);
    }

    private static boolean needsNoEncoding(String text, boolean keepSlash) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnreserved(c) && !(keepSlash && c == '/')) {
                return false;
            }
        }
        return true;
    }

    static String encode(byte[] bytes, boolean keepSlash) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code %XX} to bytes. Lenient on purpose: a stray {@code %} stays a literal percent sign, because the
     * client signed whatever it put on the wire and rejecting here would turn a signature question into a parse error.
     * {@code +} is literal (RFC 3986, not HTML forms): SigV4 clients never send {@code +} for a space.
     */
    static byte[] percentDecode(String raw) {
        byte[] in = raw.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
                out.write(hexValue(in[i + 1]) << 4 | hexValue(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    static String decodeToString(String raw) {
        return new String(percentDecode(raw), StandardCharsets.UTF_8);
    }

    /** Canonical form of one query name or value taken from the wire: decode, then encode. */
    static String canonicalQueryComponent(String raw) {
        return encode(percentDecode(raw), false);
    }

    /**
     * S3 path rule: the path is used as sent, but characters the client left unencoded (say {@code :} or a raw
     * UTF-8 byte) are encoded, since the client's canonical form could only contain encoded ones.
     */
    static String encodeKeepingEscapes(String rawPath) {
        byte[] in = rawPath.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(in.length + 16);
        for (int i = 0; i < in.length; i++) {
            int c = in[i] & 0xFF;
            if (c == '%' && i + 2 < in.length && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
                out.append('%').append((char) in[i + 1]).append((char) in[i + 2]);
                i += 2;
            } else if (isUnreserved(c) || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * botocore's {@code remove_dot_segments}: drops {@code .} and {@code ..} segments and collapses repeated
     * slashes; {@code ..} never climbs above the root; a trailing slash survives only if something precedes it.
     */
    static String removeDotSegments(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        if (path.charAt(0) == '/' && path.indexOf("//") < 0 && path.indexOf('.') < 0) {
            // no empty, "." or ".." segment: nothing to remove, and the path keeps its leading and trailing slash
            return path;
        }
        Deque<String> output = new ArrayDeque<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                output.pollLast();
            } else {
                output.addLast(segment);
            }
        }
        String first = path.charAt(0) == '/' ? "/" : "";
        String last = path.charAt(path.length() - 1) == '/' && !output.isEmpty() ? "/" : "";
        String joined = first + String.join("/", output) + last;
        return joined.isEmpty() ? "/" : joined;
    }

    /**
     * The AWS SDK for Java v2 normalises with {@link URI#normalize()}, which differs from botocore at the edges:
     * leading {@code //} and a {@code ..} above the root are kept. Returns {@code null} when the path is not a valid
     * URI path (the SDK could not have produced it) or when the result equals botocore's.
     */
    static String javaSdkNormalize(String rawPath) {
        if (rawPath.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI("http://h" + (rawPath.startsWith("/") ? "" : "/") + rawPath);
            String normalized = uri.normalize().getRawPath();
            if (normalized == null || normalized.isEmpty()) {
                return "/";
            }
            if (normalized.length() > 1 && normalized.endsWith("/") && !rawPath.endsWith("/")) {
                normalized = normalized.substring(0, normalized.length() - 1);
            }
            return normalized;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}

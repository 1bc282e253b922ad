package dev.onair.sigv4;

import dev.onair.sigv4.SigV4Failure.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits an {@code aws-chunked} body into chunks and trailers without checking signatures:
 * {@code hex(size)[;chunk-signature=sig]\r\n data \r\n ... 0[;chunk-signature=sig]\r\n [name:value\r\n]* \r\n}.
 */
public final class ChunkedPayloadDecoder {
    /** A chunk header holds a size and one 64-hex signature; anything far longer is not a chunk header. */
    private static final int MAX_LINE = 4096;
    private static final int MAX_SIZE_DIGITS = 8;

    /**
     * One chunk, pointing into the encoded body rather than copying it.
     *
     * @param signature the {@code chunk-signature} extension, {@code null} when absent
     */
    public record Chunk(int offset, int length, String signature) {
    }

    /**
     * @param chunks   data chunks followed by the final zero-length chunk
     * @param trailers trailer headers in arrival order, including {@code x-amz-trailer-signature} when present
     */
    public record Framing(List<Chunk> chunks, List<Map.Entry<String, String>> trailers, long decodedLength) {
        public Framing {
            chunks = List.copyOf(chunks);
            trailers = List.copyOf(trailers);
        }

        /** Concatenates the chunk data of {@code body}, the array this framing was decoded from. */
        public byte[] payload(byte[] body) {
            byte[] out = new byte[Math.toIntExact(decodedLength)];
            int position = 0;
            for (Chunk chunk : chunks) {
                System.arraycopy(body, chunk.offset(), out, position, chunk.length());
                position += chunk.length();
            }
            return out;
        }
    }

    private ChunkedPayloadDecoder() {
    }

    public static Framing decode(byte[] body) throws SigV4Exception {
        List<Chunk> chunks = new ArrayList<>();
        long decoded = 0;
        int position = 0;
        while (true) {
            int lineEnd = findCrlf(body, position);
            String header = new String(body, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            position = lineEnd + 2;
            int semicolon = header.indexOf(';');
            int size = parseSize(semicolon < 0 ? header : header.substring(0, semicolon));
            String signature = semicolon < 0 ? null : chunkSignature(header.substring(semicolon + 1));
            if (size == 0) {
                chunks.add(new Chunk(position, 0, signature));
                break;
            }
            if ((long) position + size + 2 > body.length
                    || body[position + size] != '\r' || body[position + size + 1] != '\n') {
                throw malformed("Chunk data shorter than its declared size " + size + " or not followed by CRLF.");
            }
            chunks.add(new Chunk(position, size, signature));
            decoded += size;
            position += size + 2;
        }
        List<Map.Entry<String, String>> trailers = new ArrayList<>();
        // Without trailers some encoders stop right after the final chunk line; accept that.
        while (position < body.length) {
            int lineEnd = findCrlf(body, position);
            String line = new String(body, position, lineEnd - position, StandardCharsets.UTF_8);
            position = lineEnd + 2;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("Trailer line is not name:value.");
            }
            trailers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        if (position != body.length) {
            throw malformed("Unexpected data after the final chunk.");
        }
        return new Framing(chunks, trailers, decoded);
    }

    private static int findCrlf(byte[] body, int from) throws SigV4Exception {
        int limit = (int) Math.min(body.length - 1L, (long) from + MAX_LINE);
        for (int i = from; i < limit; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw malformed("Chunk header or trailer line not terminated by CRLF.");
    }

    private static int parseSize(String hex) throws SigV4Exception {
        if (hex.isEmpty() || hex.length() > MAX_SIZE_DIGITS) {
            throw malformed("Invalid chunk size '" + abbreviate(hex) + "'.");
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                throw malformed("Invalid chunk size '" + abbreviate(hex) + "'.");
            }
            size = size * 16 + digit;
        }
        if (size > Integer.MAX_VALUE - 2) {
            throw malformed("Chunk size too large.");
        }
        return (int) size;
    }

    private static String chunkSignature(String extensions) {
        for (String extension : extensions.split(";")) {
            int equals = extension.indexOf('=');
            if (equals > 0 && extension.substring(0, equals).trim().equals("chunk-signature")) {
                return extension.substring(equals + 1).trim();
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "...";
    }

    private static SigV4Exception malformed(String detail) {
        return new SigV4Exception(SigV4Failure.of(Reason.MALFORMED_CHUNKED_BODY,
                "You did not provide the number of bytes specified by the Content-Length HTTP header. " + detail));
    }
}

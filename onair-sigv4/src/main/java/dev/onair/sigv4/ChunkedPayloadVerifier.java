package dev.onair.sigv4;

import dev.onair.sigv4.SigV4Failure.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies and decodes an {@code aws-chunked} body (iam.md §3.2, S3 sigv4-streaming).
 *
 * <p>Signed modes chain signatures: the seed is the request signature, each chunk signs
 * {@code AWS4-HMAC-SHA256-PAYLOAD\n<date>\n<scope>\n<previous>\n<sha256("")>\n<sha256(chunk)>}, and with a trailer the
 * trailer signature signs {@code AWS4-HMAC-SHA256-TRAILER\n<date>\n<scope>\n<previous>\n<sha256(trailers)>}, where
 * trailers are {@code name:value\n} lines sorted by name. Only call this after {@link SignatureV4Verifier} accepted the
 * seed signature.
 */
public final class ChunkedPayloadVerifier {
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your key and signing method.";

    private final SigningKeyCache keys;

    public ChunkedPayloadVerifier() {
        this(new SigningKeyCache());
    }

    /** Share the verifier's cache so a streaming upload costs no extra key derivation. */
    public ChunkedPayloadVerifier(SigningKeyCache keys) {
        this.keys = Objects.requireNonNull(keys, "keys is null");
    }

    /**
     * @param seed            the request's verified signature
     * @param secretAccessKey unused for {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}
     * @param body            the encoded body as received
     */
    public ChunkedPayloadResult verify(SigningRequest request, ParsedSignature seed, String secretAccessKey,
            byte[] body) {
        String mode = request.header(SigV4.HEADER_CONTENT_SHA256).map(String::trim).orElse("");
        boolean signedChunks = mode.equals(SigV4.STREAMING_SIGNED) || mode.equals(SigV4.STREAMING_SIGNED_TRAILER);
        boolean signedTrailer = mode.equals(SigV4.STREAMING_SIGNED_TRAILER);
        if (!signedChunks && !mode.equals(SigV4.STREAMING_UNSIGNED_TRAILER)) {
            return failed(Reason.INVALID_CONTENT_SHA256, "Not an aws-chunked payload: x-amz-content-sha256 is '"
                    + mode + "'.");
        }
        long declaredLength;
        try {
            declaredLength = Long.parseLong(request.header(SigV4.HEADER_DECODED_LENGTH).map(String::trim).orElse(""));
        } catch (NumberFormatException e) {
            return failed(Reason.DECODED_LENGTH_MISMATCH,
                    "Missing required header for this request: x-amz-decoded-content-length");
        }
        ChunkedPayloadDecoder.Framing framing;
        try {
            framing = ChunkedPayloadDecoder.decode(body);
        } catch (SigV4Exception e) {
            return new ChunkedPayloadResult.Failed(e.failure());
        }
        List<Map.Entry<String, String>> trailers = new ArrayList<>();
        String trailerSignature = null;
        for (Map.Entry<String, String> trailer : framing.trailers()) {
            if (trailer.getKey().equalsIgnoreCase(TRAILER_SIGNATURE)) {
                trailerSignature = trailer.getValue();
            } else {
                trailers.add(trailer);
            }
        }
        if (signedChunks) {
            byte[] key = keys.signingKey(secretAccessKey, seed.date(), seed.region(), seed.service());
            String previous = seed.signature();
            int index = 0;
            for (ChunkedPayloadDecoder.Chunk chunk : framing.chunks()) {
                String stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + seed.amzDate() + '\n' + seed.credentialScope()
                        + '\n' + previous + '\n' + SigV4.EMPTY_SHA256 + '\n'
                        + Crypto.hex(Crypto.sha256(body, chunk.offset(), chunk.length()));
                String expected = Crypto.hex(Crypto.hmac(key, stringToSign));
                if (!Crypto.signaturesEqual(expected, chunk.signature())) {
                    return new ChunkedPayloadResult.Failed(new SigV4Failure(Reason.CHUNK_SIGNATURE_MISMATCH, MISMATCH,
                            false, Map.of(SigV4Failure.STRING_TO_SIGN, stringToSign,
                                    SigV4Failure.SIGNATURE_PROVIDED, String.valueOf(chunk.signature()),
                                    "ChunkIndex", Integer.toString(index))));
                }
                previous = expected;
                index++;
            }
            if (signedTrailer) {
                String stringToSign = "AWS4-HMAC-SHA256-TRAILER\n" + seed.amzDate() + '\n' + seed.credentialScope()
                        + '\n' + previous + '\n' + Crypto.sha256Hex(canonicalTrailers(trailers));
                if (!Crypto.signaturesEqual(Crypto.hex(Crypto.hmac(key, stringToSign)), trailerSignature)) {
                    return new ChunkedPayloadResult.Failed(new SigV4Failure(Reason.CHUNK_SIGNATURE_MISMATCH, MISMATCH,
                            false, Map.of(SigV4Failure.STRING_TO_SIGN, stringToSign,
                                    SigV4Failure.SIGNATURE_PROVIDED, String.valueOf(trailerSignature))));
                }
            }
        }
        for (String declared : request.headerValues(SigV4.HEADER_TRAILER)) {
            for (String name : declared.split(",")) {
                String trimmed = name.trim();
                if (!trimmed.isEmpty() && trailers.stream().noneMatch(t -> t.getKey().equalsIgnoreCase(trimmed))) {
                    return failed(Reason.MALFORMED_CHUNKED_BODY, "The trailer " + trimmed
                            + " declared in x-amz-trailer is missing from the body.");
                }
            }
        }
        if (framing.decodedLength() != declaredLength) {
            return failed(Reason.DECODED_LENGTH_MISMATCH, "The decoded body is " + framing.decodedLength()
                    + " bytes but x-amz-decoded-content-length says " + declaredLength + ".");
        }
        return new ChunkedPayloadResult.Decoded(framing.payload(body), trailers);
    }

    static String canonicalTrailers(List<Map.Entry<String, String>> trailers) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(trailers);
        sorted.sort(Comparator.comparing(t -> t.getKey().toLowerCase(Locale.ROOT)));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> trailer : sorted) {
            out.append(trailer.getKey().toLowerCase(Locale.ROOT)).append(':');
            CanonicalRequest.trimAll(out, trailer.getValue());
            out.append('\n');
        }
        return out.toString();
    }

    private static ChunkedPayloadResult failed(Reason reason, String message) {
        return new ChunkedPayloadResult.Failed(SigV4Failure.of(reason, message));
    }
}

package dev.onair.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.sigv4.SdkOracle.Options;
import dev.onair.sigv4.SigV4Failure.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class ChunkedPayloadFailureTest {
    private static final byte[] BODY = "live segment bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void verify_decodedLengthDiffersFromHeader() throws SigV4Exception {
        SdkOracle.Signed signed = sign(true);
        SigningRequest wire = SigV4FailureTest.replaceHeader(signed.wire(), SigV4.HEADER_DECODED_LENGTH, "999");

        assertFailure(verify(wire, signed), Reason.DECODED_LENGTH_MISMATCH,
                "The decoded body is 18 bytes but x-amz-decoded-content-length says 999.");
    }

    @Test
    void verify_decodedLengthMissing() throws SigV4Exception {
        SdkOracle.Signed signed = sign(true);
        SigningRequest wire = SigV4FailureTest.withoutHeader(signed.wire(), SigV4.HEADER_DECODED_LENGTH);

        assertFailure(verify(wire, signed), Reason.DECODED_LENGTH_MISMATCH,
                "Missing required header for this request: x-amz-decoded-content-length");
    }

    @Test
    void verify_truncatedBody() throws SigV4Exception {
        SdkOracle.Signed signed = sign(true);
        byte[] truncated = Arrays.copyOf(signed.encodedBody(), signed.encodedBody().length - 10);

        ChunkedPayloadResult result = new ChunkedPayloadVerifier()
                .verify(signed.wire(), SigV4Parser.parse(signed.wire(), true), SdkOracle.SECRET, truncated);

        assertThat(result).isInstanceOfSatisfying(ChunkedPayloadResult.Failed.class, failed ->
                assertThat(failed.failure().reason()).isEqualTo(Reason.MALFORMED_CHUNKED_BODY));
    }

    @Test
    void verify_trailerValueTampered() throws SigV4Exception {
        SdkOracle.Signed signed = sign(true);
        String text = new String(signed.encodedBody(), StandardCharsets.ISO_8859_1);
        int value = text.indexOf("x-amz-checksum-crc32:") + "x-amz-checksum-crc32:".length();
        byte[] tampered = signed.encodedBody().clone();
        tampered[value] = (byte) (tampered[value] == 'A' ? 'B' : 'A');

        ChunkedPayloadResult result = new ChunkedPayloadVerifier()
                .verify(signed.wire(), SigV4Parser.parse(signed.wire(), true), SdkOracle.SECRET, tampered);

        assertFailure(result, Reason.CHUNK_SIGNATURE_MISMATCH, "The request signature we calculated does not match "
                + "the signature you provided. Check your key and signing method.");
    }

    @Test
    void verify_wrongSeedSignature() throws SigV4Exception {
        SdkOracle.Signed signed = sign(true);
        ParsedSignature parsed = SigV4Parser.parse(signed.wire(), true);
        ParsedSignature otherSeed = new ParsedSignature(parsed.accessKeyId(), parsed.date(), parsed.region(),
                parsed.service(), parsed.terminator(), parsed.signedHeaders(), "0".repeat(64), parsed.requestTime(),
                parsed.amzDate(), null, false, parsed.expiresSeconds());

        ChunkedPayloadResult result = new ChunkedPayloadVerifier()
                .verify(signed.wire(), otherSeed, SdkOracle.SECRET, signed.encodedBody());

        assertThat(result).isInstanceOfSatisfying(ChunkedPayloadResult.Failed.class, failed ->
                assertThat(failed.failure().details()).containsEntry("ChunkIndex", "0"));
    }

    @Test
    void verify_declaredTrailerMissing() throws SigV4Exception {
        SdkOracle.Signed signed = sign(false);
        SigningRequest wire = SigV4FailureTest.replaceHeader(signed.wire(), SigV4.HEADER_TRAILER,
                "x-amz-checksum-sha256");

        assertFailure(verify(wire, signed), Reason.MALFORMED_CHUNKED_BODY,
                "The trailer x-amz-checksum-sha256 declared in x-amz-trailer is missing from the body.");
    }

    @Test
    void verify_notAStreamingPayload() throws SigV4Exception {
        SdkOracle.Signed signed = sign(true);
        SigningRequest wire = SigV4FailureTest.replaceHeader(signed.wire(), SigV4.HEADER_CONTENT_SHA256,
                SigV4.UNSIGNED_PAYLOAD);

        assertFailure(verify(wire, signed), Reason.INVALID_CONTENT_SHA256,
                "Not an aws-chunked payload: x-amz-content-sha256 is 'UNSIGNED-PAYLOAD'.");
    }

    @Test
    void decode_handWrittenUnsignedTrailerBody() throws SigV4Exception {
        byte[] body = ("5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32: DUoRhQ== \r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        ChunkedPayloadDecoder.Framing framing = ChunkedPayloadDecoder.decode(body);

        assertThat(new String(framing.payload(body), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        assertThat(framing.trailers()).singleElement().satisfies(trailer -> {
            assertThat(trailer.getKey()).isEqualTo("x-amz-checksum-crc32");
            assertThat(trailer.getValue()).isEqualTo("DUoRhQ==");
        });
    }

    @Test
    void decode_finalChunkWithoutClosingLine() throws SigV4Exception {
        byte[] body = "3\r\nabc\r\n0\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(ChunkedPayloadDecoder.decode(body).decodedLength()).isEqualTo(3);
    }

    @Test
    void decode_malformedFraming() {
        for (String body : new String[] {"", "zz\r\n", "5\r\nabc\r\n0\r\n\r\n", "3\r\nabc\r\n", "3\r\nabcXY0\r\n\r\n",
                "3\r\nabc\r\n0\r\n\r\nextra", "123456789\r\n", "0\r\nno-colon\r\n\r\n", "-1\r\n"}) {
            assertThatThrownBy(() -> ChunkedPayloadDecoder.decode(body.getBytes(StandardCharsets.US_ASCII)))
                    .as(body).isInstanceOfSatisfying(SigV4Exception.class, e ->
                            assertThat(e.failure().reason()).isEqualTo(Reason.MALFORMED_CHUNKED_BODY));
        }
    }

    private static ChunkedPayloadResult verify(SigningRequest wire, SdkOracle.Signed signed) throws SigV4Exception {
        return new ChunkedPayloadVerifier().verify(wire, SigV4Parser.parse(signed.wire(), true), SdkOracle.SECRET,
                signed.encodedBody());
    }

    private static void assertFailure(ChunkedPayloadResult result, Reason reason, String message) {
        assertThat(result).isInstanceOfSatisfying(ChunkedPayloadResult.Failed.class, failed -> {
            assertThat(failed.failure().reason()).isEqualTo(reason);
            assertThat(failed.failure().message()).isEqualTo(message);
        });
    }

    private static SdkOracle.Signed sign(boolean signedChunks) {
        SdkHttpRequest request = SdkOracle.request(SdkHttpMethod.PUT, "onair.example.com", "/bucket/key")
                .putHeader("Content-Length", Integer.toString(BODY.length)).build();
        return SdkOracle.sign(request, BODY, Options.forS3().chunked(signedChunks, DefaultChecksumAlgorithm.CRC32));
    }
}

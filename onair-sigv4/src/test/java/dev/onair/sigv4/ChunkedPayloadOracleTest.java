package dev.onair.sigv4;

import static dev.onair.sigv4.SdkOracle.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sigv4.SdkOracle.Options;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** aws-chunked bodies produced by the AWS SDK for Java v2 (128 KiB chunks): every chunk signature is checked. */
class ChunkedPayloadOracleTest {
    private static final int SDK_CHUNK = 128 * 1024;

    record Case(String rule, int bodySize, boolean signed, ChecksumAlgorithm checksum, String expectedMode) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("signed chunks, several chunks", 300_000, true, null, SigV4.STREAMING_SIGNED),
                new Case("signed chunks, one short chunk", 1, true, null, SigV4.STREAMING_SIGNED),
                new Case("signed chunks, exact chunk multiple", 2 * SDK_CHUNK, true, null, SigV4.STREAMING_SIGNED),
                new Case("signed chunks with signed CRC32 trailer", 300_000, true, DefaultChecksumAlgorithm.CRC32,
                        SigV4.STREAMING_SIGNED_TRAILER),
                new Case("signed chunks with signed SHA256 trailer", 1000, true, DefaultChecksumAlgorithm.SHA256,
                        SigV4.STREAMING_SIGNED_TRAILER),
                new Case("unsigned chunks with CRC32 trailer", 300_000, false, DefaultChecksumAlgorithm.CRC32,
                        SigV4.STREAMING_UNSIGNED_TRAILER),
                new Case("unsigned chunks with CRC32C trailer", 10, false, DefaultChecksumAlgorithm.CRC32C,
                        SigV4.STREAMING_UNSIGNED_TRAILER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verify_sdkChunkedUpload(Case testCase) throws SigV4Exception {
        byte[] body = randomBytes(testCase.bodySize());
        SdkOracle.Signed signed = sign(body, testCase);
        SigningRequest wire = signed.wire();
        assertThat(wire.header(SigV4.HEADER_CONTENT_SHA256)).contains(testCase.expectedMode());

        ParsedSignature parsed = SigV4Parser.parse(wire, true);
        SigningKeyCache keys = new SigningKeyCache();
        VerificationResult header = new SignatureV4Verifier(keys, SigV4.DEFAULT_MAX_SKEW)
                .verify(wire, parsed, SdkOracle.SECRET, NOW, true);
        assertThat(header).isInstanceOfSatisfying(VerificationResult.Verified.class,
                verified -> assertThat(verified.streaming()).isTrue());

        ChunkedPayloadResult result = new ChunkedPayloadVerifier(keys)
                .verify(wire, parsed, SdkOracle.SECRET, signed.encodedBody());

        assertThat(result).as("%s", result).isInstanceOfSatisfying(ChunkedPayloadResult.Decoded.class, decoded -> {
            assertThat(decoded.payload()).isEqualTo(body);
            if (testCase.checksum() == DefaultChecksumAlgorithm.CRC32) {
                assertThat(decoded.trailer("x-amz-checksum-crc32")).contains(crc32Base64(body));
            }
        });
        ChunkedPayloadDecoder.Framing framing = ChunkedPayloadDecoder.decode(signed.encodedBody());
        int dataChunks = (testCase.bodySize() + SDK_CHUNK - 1) / SDK_CHUNK;
        assertThat(framing.chunks()).hasSize(dataChunks + 1);
        if (testCase.signed()) {
            assertThat(framing.chunks()).allSatisfy(chunk -> assertThat(chunk.signature()).hasSize(64));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verify_tamperedChunkData(Case testCase) throws SigV4Exception {
        byte[] body = randomBytes(testCase.bodySize());
        SdkOracle.Signed signed = sign(body, testCase);
        byte[] encoded = signed.encodedBody().clone();
        ChunkedPayloadDecoder.Chunk last = ChunkedPayloadDecoder.decode(encoded).chunks()
                .get(ChunkedPayloadDecoder.decode(encoded).chunks().size() - 2);
        encoded[last.offset() + last.length() - 1] ^= 1;

        ChunkedPayloadResult result = new ChunkedPayloadVerifier()
                .verify(signed.wire(), SigV4Parser.parse(signed.wire(), true), SdkOracle.SECRET, encoded);

        if (testCase.signed()) {
            assertThat(result).isInstanceOfSatisfying(ChunkedPayloadResult.Failed.class, failed ->
                    assertThat(failed.failure().reason()).isEqualTo(SigV4Failure.Reason.CHUNK_SIGNATURE_MISMATCH));
        } else {
            // Unsigned chunks are protected only by the trailing checksum, which the S3 layer validates.
            assertThat(result).isInstanceOf(ChunkedPayloadResult.Decoded.class);
        }
    }

    private static SdkOracle.Signed sign(byte[] body, Case testCase) {
        SdkHttpRequest request = SdkOracle.request(SdkHttpMethod.PUT, "onair.example.com", "/bucket/segment%201.ts")
                .putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("Content-Encoding", "aws-chunked")
                .build();
        return SdkOracle.sign(request, body, Options.forS3().chunked(testCase.signed(), testCase.checksum()));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String crc32Base64(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

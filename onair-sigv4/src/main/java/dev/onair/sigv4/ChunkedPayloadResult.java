package dev.onair.sigv4;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outcome of {@link ChunkedPayloadVerifier#verify}. */
public sealed interface ChunkedPayloadResult {

    /**
     * @param payload  the decoded object bytes (compared by identity: records do not deep-compare arrays)
     * @param trailers trailer headers such as {@code x-amz-checksum-crc32}, without {@code x-amz-trailer-signature}
     */
    record Decoded(byte[] payload, List<Map.Entry<String, String>> trailers) implements ChunkedPayloadResult {
        public Decoded {
            trailers = List.copyOf(trailers);
        }

        public Optional<String> trailer(String name) {
            return trailers.stream().filter(t -> t.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst();
        }

        @Override
        public String toString() {
            return "Decoded[payload=" + payload.length + " bytes, trailers=" + trailers + "]";
        }
    }

    record Failed(SigV4Failure failure) implements ChunkedPayloadResult {
    }
}

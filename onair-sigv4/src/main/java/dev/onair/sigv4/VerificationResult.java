package dev.onair.sigv4;

/** Outcome of {@link SignatureV4Verifier#verify}: either verified or a failure naming why. */
public sealed interface VerificationResult {

    boolean verified();

    /**
     * @param signature   the parsed signature that was checked (its access key id is now authenticated)
     * @param payloadHash the value used as HashedPayload: a digest, {@code UNSIGNED-PAYLOAD} or a {@code STREAMING-*}
     *                    keyword telling the caller to run {@link ChunkedPayloadVerifier} on the body
     */
    record Verified(ParsedSignature signature, String payloadHash) implements VerificationResult {
        @Override
        public boolean verified() {
            return true;
        }

        public boolean streaming() {
            return payloadHash.startsWith("STREAMING-");
        }
    }

    record Failed(SigV4Failure failure) implements VerificationResult {
        @Override
        public boolean verified() {
            return false;
        }
    }
}

package dev.onair.sigv4.bench;

import dev.onair.sigv4.ParsedSignature;
import dev.onair.sigv4.SigV4Exception;
import dev.onair.sigv4.SigV4Parser;
import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SignatureV4Verifier;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import dev.onair.sigv4.VerificationResult;
import java.time.Instant;

/**
 * Rough throughput of parse + verify for a typical Query-protocol request, cached signing key. Plain loop rather than
 * JMH so the build needs no annotation processor; run by hand:
 * {@code java -cp target/classes:target/test-classes dev.onair.sigv4.bench.SigV4VerifyBenchmark}.
 */
public final class SigV4VerifyBenchmark {
    private static final int WARMUP = 200_000;
    private static final int MEASURED = 1_000_000;

    private SigV4VerifyBenchmark() {
    }

    public static void main(String[] args) throws SigV4Exception {
        Instant now = Instant.parse("2024-05-17T10:11:12Z");
        SigningCredentials credentials = SigningCredentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        SigningRequest request = new SigV4Signer().sign(SigningRequest.of("POST", "/",
                "9c6a4e6c1c9b4a5f0a3a7d4b0b1d0b5e6f2c3a4b5c6d7e8f9a0b1c2d3e4f5a6b", "Host", "iam.example.com",
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8", "User-Agent", "aws-cli/2"),
                credentials, "us-east-1", "iam", now, false);
        SignatureV4Verifier verifier = new SignatureV4Verifier();
        run(request, verifier, credentials, now, WARMUP);
        long start = System.nanoTime();
        int verified = run(request, verifier, credentials, now, MEASURED);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("parse+verify: %.0f ops/s, %.2f us/op (%d verified)%n", MEASURED / seconds,
                seconds * 1e6 / MEASURED, verified);
    }

    private static int run(SigningRequest request, SignatureV4Verifier verifier, SigningCredentials credentials,
            Instant now, int iterations) throws SigV4Exception {
        int verified = 0;
        for (int i = 0; i < iterations; i++) {
            ParsedSignature parsed = SigV4Parser.parse(request);
            VerificationResult result = verifier.verify(request, parsed, credentials.secretAccessKey(), now, false);
            if (result.verified()) {
                verified++;
            }
        }
        return verified;
    }
}

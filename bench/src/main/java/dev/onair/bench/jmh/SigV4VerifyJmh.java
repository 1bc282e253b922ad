package dev.onair.bench.jmh;

import dev.onair.sigv4.ParsedSignature;
import dev.onair.sigv4.SigV4Exception;
import dev.onair.sigv4.SigV4Parser;
import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SignatureV4Verifier;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import dev.onair.sigv4.VerificationResult;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH form of onair-sigv4's {@code bench/SigV4VerifyBenchmark} (a plain loop): header parse + full verification
 * (canonical request, string to sign, HMAC chain with the cached signing key, constant-time compare) of a typical
 * Query-protocol request, one thread. Also signing, for the client side.
 *
 * <p>{@code parseAndVerify} is the server's steady state: the credential cache hands out the same secret String, so
 * the key cache's per-thread entry serves it. {@code parseAndVerifyKeyMapOnly} alternates two equal but distinct
 * secret Strings, so every call misses that entry and goes to the shared key map (a fingerprint HMAC, a lock, and
 * the signature HMAC's key set-up): the path every request took before the per-thread entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SigV4VerifyJmh {
  private final Instant now = Instant.parse("2024-05-17T10:11:12Z");
  private final SigningCredentials credentials =
      SigningCredentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  private final SignatureV4Verifier verifier = new SignatureV4Verifier();
  private final SigV4Signer signer = new SigV4Signer();
  private SigningRequest unsigned;
  private SigningRequest signed;
  private final String[] secretCopies = {
    new String(credentials.secretAccessKey().toCharArray()), new String(credentials.secretAccessKey().toCharArray())
  };
  private int next;

  @Setup
  public void setUp() throws SigV4Exception {
    unsigned = SigningRequest.of("POST", "/",
        "9c6a4e6c1c9b4a5f0a3a7d4b0b1d0b5e6f2c3a4b5c6d7e8f9a0b1c2d3e4f5a6b", "Host", "iam.example.com",
        "Content-Type", "application/x-www-form-urlencoded; charset=utf-8", "User-Agent", "aws-cli/2");
    signed = signer.sign(unsigned, credentials, "us-east-1", "iam", now, false);
    if (!verify()) {
      throw new IllegalStateException("benchmark request does not verify");
    }
  }

  @Benchmark
  public boolean parseAndVerify() throws SigV4Exception {
    return verify();
  }

  @Benchmark
  public boolean parseAndVerifyKeyMapOnly() throws SigV4Exception {
    ParsedSignature parsed = SigV4Parser.parse(signed);
    next ^= 1;
    return verifier.verify(signed, parsed, secretCopies[next], now, false).verified();
  }

  @Benchmark
  public SigningRequest sign() {
    return signer.sign(unsigned, credentials, "us-east-1", "iam", now, false);
  }

  private boolean verify() throws SigV4Exception {
    ParsedSignature parsed = SigV4Parser.parse(signed);
    VerificationResult result = verifier.verify(signed, parsed, credentials.secretAccessKey(), now, false);
    return result.verified();
  }
}

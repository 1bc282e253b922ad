package dev.onair.bench;

import dev.onair.sigv4.ParsedSignature;
import dev.onair.sigv4.SigV4Parser;
import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SignatureV4Verifier;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

/**
 * SigV4 parse + verify cost in thread CPU time, the same request as {@code SigV4VerifyJmh}: on a shared machine
 * JMH's wall-clock throughput mostly measures how often the fork got a core, while CPU time per operation does not.
 * Put another build of onair-sigv4 first on the class path to compare two versions.
 *
 * <pre>
 * java -cp [other/onair-sigv4.jar:]bench/target/onair-bench.jar:bench/target/lib/* dev.onair.bench.SigV4VerifyCpu [rounds]
 * </pre>
 */
public final class SigV4VerifyCpu {
  private SigV4VerifyCpu() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    Instant now = Instant.parse("2024-05-17T10:11:12Z");
    SigningCredentials credentials = SigningCredentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    SigningRequest signed = new SigV4Signer().sign(SigningRequest.of("POST", "/",
        "9c6a4e6c1c9b4a5f0a3a7d4b0b1d0b5e6f2c3a4b5c6d7e8f9a0b1c2d3e4f5a6b", "Host", "iam.example.com",
        "Content-Type", "application/x-www-form-urlencoded; charset=utf-8", "User-Agent", "aws-cli/2"),
        credentials, "us-east-1", "iam", now, false);
    SignatureV4Verifier verifier = new SignatureV4Verifier();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int perRound = 200_000;
    double best = Double.MAX_VALUE;
    for (int round = 0; round < rounds; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      int verified = 0;
      for (int i = 0; i < perRound; i++) {
        ParsedSignature parsed = SigV4Parser.parse(signed);
        if (verifier.verify(signed, parsed, credentials.secretAccessKey(), now, false).verified()) {
          verified++;
        }
      }
      if (verified != perRound) {
        throw new IllegalStateException("benchmark request does not verify");
      }
      double us = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / perRound;
      best = Math.min(best, us);
      System.out.printf("round %d: %.2f us CPU per parse+verify%n", round, us);
    }
    System.out.printf("{\"benchmark\":\"sigv4_parse_verify_cpu\",\"best_us\":%.2f}%n", best);
  }
}

package dev.onair.server.wiring;

import dev.onair.iam.AwsPolicyCatalog;
import dev.onair.policy.managed.AwsManagedPolicies;
import dev.onair.policy.managed.ManagedPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Serves the policy engine's copy of AWS's managed policies to IAM. The published data has no policy ids, so each
 * gets a stable ANPA id derived from its ARN (the same on every start and every node).
 */
public final class EngineAwsPolicyCatalog {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private EngineAwsPolicyCatalog() {}

  public static AwsPolicyCatalog load() {
    List<AwsPolicyCatalog.AwsPolicy> policies = new ArrayList<>();
    for (ManagedPolicy policy : AwsManagedPolicies.all()) {
      Instant created = instant(policy.createDate());
      policies.add(
          new AwsPolicyCatalog.AwsPolicy(
              policy.name(),
              policy.path(),
              policy.arn(),
              policyId(policy.arn()),
              policy.description(),
              policy.defaultVersionId(),
              policy.documentJson(),
              created,
              created,
              // service-linked role policies are reserved for AWS's own roles
              !policy.path().startsWith("/aws-service-role/")));
    }
    return AwsPolicyCatalog.of(policies);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      return Instant.EPOCH;
    }
  }

  static String policyId(String arn) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
      StringBuilder id = new StringBuilder("ANPA");
      for (int i = 0; i < 17; i++) {
        id.append(BASE32.charAt((digest[i] & 0xFF) % 32));
      }
      return id.toString().toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

package dev.onair.iam;

import dev.onair.policy.managed.AwsManagedPolicies;
import dev.onair.policy.managed.ManagedPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The AWS managed policies of the policy engine, as IAM serves them. Policy ids are derived from the ARN, so they
 * are stable across restarts and installations without being stored.
 */
public final class OnairAwsPolicies {
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private OnairAwsPolicies() {}

  public static AwsPolicyCatalog catalog() {
    List<AwsPolicyCatalog.AwsPolicy> policies = AwsManagedPolicies.all().stream()
        .map(OnairAwsPolicies::convert)
        .toList();
    return AwsPolicyCatalog.of(policies);
  }

  private static AwsPolicyCatalog.AwsPolicy convert(ManagedPolicy policy) {
    Instant created = parse(policy.createDate());
    return new AwsPolicyCatalog.AwsPolicy(
        policy.name(),
        policy.path(),
        policy.arn(),
        stableId(policy.arn()),
        policy.description(),
        policy.defaultVersionId(),
        policy.documentJson(),
        created,
        created,
        // Service-linked role policies belong to their service; users cannot attach them.
        !policy.path().startsWith("/aws-service-role/"));
  }

  private static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (RuntimeException e) {
      try {
        return Instant.parse(text);
      } catch (RuntimeException again) {
        return Instant.parse("2015-02-06T18:39:46Z");
      }
    }
  }

  static String stableId(String arn) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
      StringBuilder id = new StringBuilder("ANPA");
      for (int i = 0; i < 17; i++) {
        id.append(ALNUM.charAt((digest[i] & 0xff) % ALNUM.length()));
      }
      return id.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every Java runtime", e);
    }
  }
}

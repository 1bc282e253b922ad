package dev.onair.iam;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The AWS managed policies Onair knows (from the policy engine), served read-only at arn:aws:iam::aws:policy/…. */
public interface AwsPolicyCatalog {
  /** One AWS managed policy with its current default version. */
  record AwsPolicy(
      String name,
      String path,
      String arn,
      String policyId,
      String description,
      String versionId,
      String document,
      Instant createDate,
      Instant updateDate,
      boolean attachable) {
    public AwsPolicy {
      requireNonNull(name, "name is null");
      requireNonNull(path, "path is null");
      requireNonNull(arn, "arn is null");
      requireNonNull(policyId, "policyId is null");
      requireNonNull(versionId, "versionId is null");
      requireNonNull(document, "document is null");
    }
  }

  /** Sorted by name. */
  List<AwsPolicy> all();

  Optional<AwsPolicy> find(String arn);

  static AwsPolicyCatalog of(List<AwsPolicy> policies) {
    List<AwsPolicy> sorted = policies.stream()
        .sorted(java.util.Comparator.comparing(p -> p.name().toLowerCase(java.util.Locale.ROOT)))
        .toList();
    java.util.Map<String, AwsPolicy> byArn = new java.util.HashMap<>();
    sorted.forEach(policy -> byArn.put(policy.arn(), policy));
    return new AwsPolicyCatalog() {
      @Override
      public List<AwsPolicy> all() {
        return sorted;
      }

      @Override
      public Optional<AwsPolicy> find(String arn) {
        return Optional.ofNullable(byArn.get(arn));
      }
    };
  }
}

package dev.onair.iam.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** The installation's AWS account. */
public record Account(String accountId, Instant createdAt) {
  public Account {
    requireNonNull(accountId, "accountId is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  public String rootArn() {
    return Arns.root(accountId);
  }
}

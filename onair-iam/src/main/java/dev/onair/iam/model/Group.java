package dev.onair.iam.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

public record Group(String groupId, String accountId, String name, String path, Instant createDate) {
  public Group {
    requireNonNull(groupId, "groupId is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(name, "name is null");
    requireNonNull(path, "path is null");
    requireNonNull(createDate, "createDate is null");
  }

  public String arn() {
    return Arns.group(accountId, path, name);
  }
}

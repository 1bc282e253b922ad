package dev.onair.iam;

import static java.util.Objects.requireNonNull;

/**
 * The IAM service, split by operation group so each class stays small; every group has one public method per
 * AWS operation, named like it ({@code users().createUser}). Built once by the composition root.
 */
public final class IamService {
  private final IamCore core;
  private final UserService users;
  private final AccessKeyService accessKeys;

  public IamService(IamCore core) {
    this.core = requireNonNull(core, "core is null");
    this.users = new UserService(core);
    this.accessKeys = new AccessKeyService(core);
  }

  public IamCore core() {
    return core;
  }

  public UserService users() {
    return users;
  }

  public AccessKeyService accessKeys() {
    return accessKeys;
  }
}

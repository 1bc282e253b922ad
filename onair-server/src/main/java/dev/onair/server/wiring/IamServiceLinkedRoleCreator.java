package dev.onair.server.wiring;

import static java.util.Objects.requireNonNull;

import dev.onair.iam.RoleService;
import dev.onair.iam.store.IamStore;
import dev.onair.ivs.port.ServiceLinkedRoleCreator;

/** IVS's first recording configuration creates its service-linked role through IAM's own code path. */
public final class IamServiceLinkedRoleCreator implements ServiceLinkedRoleCreator {
  private final IamStore store;
  private final RoleService roles;

  public IamServiceLinkedRoleCreator(IamStore store, RoleService roles) {
    this.store = requireNonNull(store, "store is null");
    this.roles = requireNonNull(roles, "roles is null");
  }

  @Override
  public boolean exists(String accountId) {
    return store.roles().find(accountId, ROLE_NAME).isPresent();
  }

  @Override
  public void create(String accountId) {
    roles.ensureServiceLinkedRole(accountId, SERVICE_NAME);
  }
}

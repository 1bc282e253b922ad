package dev.onair.ivs.fakes;

import dev.onair.ivs.port.ServiceLinkedRoleCreator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public final class FakeServiceLinkedRoleCreator implements ServiceLinkedRoleCreator {
  public final Set<String> accounts = ConcurrentHashMap.newKeySet();
  public int creations;

  @Override
  public boolean exists(String accountId) {
    return accounts.contains(accountId);
  }

  @Override
  public void create(String accountId) {
    accounts.add(accountId);
    creations++;
  }
}

package dev.onair.iam.store;

import dev.onair.iam.model.Account;
import dev.onair.iam.model.PasswordPolicy;
import java.util.Map;
import java.util.Optional;

/** The account itself: root password, alias, password policy, and the policy generation counter. */
public interface AccountRepository {
  /** The installation's account; Onair serves one per installation. */
  Optional<Account> find();

  /** Creates the account row unless one exists; returns the stored account either way. */
  Account createIfAbsent(Account account, String rootPasswordHash);

  boolean bootstrapCompleted(String accountId);

  void markBootstrapCompleted(String accountId);

  /** The Argon2id hash of the root console password; empty when none was set. */
  Optional<String> rootPasswordHash(String accountId);

  void setRootPasswordHash(String accountId, String hash);

  Optional<String> alias(String accountId);

  /** Replaces the account's alias. @throws EntityAlreadyExists when another account holds it */
  void setAlias(String accountId, String alias);

  /** @return false when the account has no such alias */
  boolean deleteAlias(String accountId, String alias);

  Optional<PasswordPolicy> passwordPolicy(String accountId);

  void putPasswordPolicy(String accountId, PasswordPolicy policy);

  /** @return false when there was none */
  boolean deletePasswordPolicy(String accountId);

  /** Changes whenever anything feeding any principal's policies changes. */
  long generation();

  /** Entity counts for GetAccountSummary, keyed by AWS's SummaryMap names (Users, Groups, Roles, ...). */
  Map<String, Integer> usage(String accountId);
}

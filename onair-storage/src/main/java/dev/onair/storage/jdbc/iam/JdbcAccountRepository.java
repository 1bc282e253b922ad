package dev.onair.storage.jdbc.iam;

import dev.onair.iam.IamErrors;
import dev.onair.iam.model.Account;
import dev.onair.iam.model.PasswordPolicy;
import dev.onair.iam.store.AccountRepository;
import dev.onair.storage.Jdbc;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

final class JdbcAccountRepository implements AccountRepository {
  private final Jdbc jdbc;

  JdbcAccountRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Account> find() {
    return jdbc.transaction(tx -> tx.query(
            "select account_id, created_at from onair_account order by created_at, account_id",
            row -> new Account(row.string("account_id"), row.instant("created_at")))
        .stream()
        .findFirst());
  }

  @Override
  public Account createIfAbsent(Account account, String rootPasswordHash) {
    return jdbc.transaction(tx -> {
      Optional<Account> existing = tx.queryOne(
          "select account_id, created_at from onair_account where account_id = ?",
          row -> new Account(row.string("account_id"), row.instant("created_at")),
          account.accountId());
      if (existing.isPresent()) {
        return existing.get();
      }
      tx.update(
          "insert into onair_account (account_id, created_at, root_password_hash, bootstrap_completed)"
              + " values (?, ?, ?, false)",
          account.accountId(), account.createdAt(), rootPasswordHash);
      return account;
    });
  }

  @Override
  public boolean bootstrapCompleted(String accountId) {
    return jdbc.queryOne(
            "select bootstrap_completed from onair_account where account_id = ?",
            row -> row.bool("bootstrap_completed"), accountId)
        .orElse(false);
  }

  @Override
  public void markBootstrapCompleted(String accountId) {
    jdbc.update("update onair_account set bootstrap_completed = true where account_id = ?", accountId);
  }

  @Override
  public Optional<String> rootPasswordHash(String accountId) {
    return jdbc.queryOne(
            "select root_password_hash from onair_account where account_id = ?",
            row -> row.string("root_password_hash"), accountId)
        .filter(hash -> hash != null);
  }

  @Override
  public void setRootPasswordHash(String accountId, String hash) {
    jdbc.update("update onair_account set root_password_hash = ? where account_id = ?", hash, accountId);
  }

  @Override
  public Optional<String> alias(String accountId) {
    return jdbc.queryOne(
        "select alias from iam_account_alias where account_id = ?", row -> row.string("alias"), accountId);
  }

  @Override
  public void setAlias(String accountId, String alias) {
    jdbc.transactionVoid(tx -> IamSql.unique(() -> {
      tx.update("delete from iam_account_alias where account_id = ?", accountId);
      return tx.update("insert into iam_account_alias (account_id, alias) values (?, ?)", accountId, alias);
    }, () -> IamErrors.of(
        dev.onair.iam.IamErrorCode.EntityAlreadyExists, "The account alias " + alias + " already exists.")));
  }

  @Override
  public boolean deleteAlias(String accountId, String alias) {
    return jdbc.update("delete from iam_account_alias where account_id = ? and alias = ?", accountId, alias) > 0;
  }

  @Override
  public Optional<PasswordPolicy> passwordPolicy(String accountId) {
    return jdbc.queryOne(
        "select * from iam_password_policy where account_id = ?",
        row -> new PasswordPolicy(
            row.integer("minimum_length"),
            row.bool("require_symbols"),
            row.bool("require_numbers"),
            row.bool("require_uppercase"),
            row.bool("require_lowercase"),
            row.bool("allow_users_to_change"),
            row.integer("max_age"),
            row.integer("reuse_prevention"),
            row.bool("hard_expiry")),
        accountId);
  }

  @Override
  public void putPasswordPolicy(String accountId, PasswordPolicy policy) {
    jdbc.transactionVoid(tx -> {
      tx.update("delete from iam_password_policy where account_id = ?", accountId);
      tx.update(
          "insert into iam_password_policy (account_id, minimum_length, require_symbols, require_numbers,"
              + " require_uppercase, require_lowercase, allow_users_to_change, max_age, reuse_prevention,"
              + " hard_expiry) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          accountId,
          policy.minimumPasswordLength(),
          policy.requireSymbols(),
          policy.requireNumbers(),
          policy.requireUppercaseCharacters(),
          policy.requireLowercaseCharacters(),
          policy.allowUsersToChangePassword(),
          policy.maxPasswordAge(),
          policy.passwordReusePrevention(),
          policy.hardExpiry());
    });
  }

  @Override
  public boolean deletePasswordPolicy(String accountId) {
    return jdbc.update("delete from iam_password_policy where account_id = ?", accountId) > 0;
  }

  @Override
  public long generation() {
    return jdbc.queryOne("select counter from iam_generation where id = 1", row -> row.longValue(1)).orElse(0L);
  }

  @Override
  public Map<String, Integer> usage(String accountId) {
    return jdbc.transaction(tx -> {
      Map<String, Integer> usage = new LinkedHashMap<>();
      usage.put("Users", (int) tx.count("select count(*) from iam_user where account_id = ?", accountId));
      usage.put("Groups", (int) tx.count("select count(*) from iam_group where account_id = ?", accountId));
      usage.put("Roles", (int) tx.count("select count(*) from iam_role where account_id = ?", accountId));
      usage.put("Policies", (int) tx.count("select count(*) from iam_policy where account_id = ?", accountId));
      usage.put("PolicyVersionsInUse", (int) tx.count("select count(*) from iam_attachment"));
      usage.put("AccountPasswordPresent", (int) tx.count(
          "select count(*) from onair_account where account_id = ? and root_password_hash is not null", accountId));
      return usage;
    });
  }
}

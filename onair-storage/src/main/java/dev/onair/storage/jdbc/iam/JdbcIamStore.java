package dev.onair.storage.jdbc.iam;

import static java.util.Objects.requireNonNull;

import dev.onair.iam.store.AccessKeyRepository;
import dev.onair.iam.store.AccountRepository;
import dev.onair.iam.store.AttachmentRepository;
import dev.onair.iam.store.GroupRepository;
import dev.onair.iam.store.IamStore;
import dev.onair.iam.store.InlinePolicyRepository;
import dev.onair.iam.store.LoginProfileRepository;
import dev.onair.iam.store.ManagedPolicyRepository;
import dev.onair.iam.store.RoleRepository;
import dev.onair.iam.store.SessionRepository;
import dev.onair.iam.store.TagRepository;
import dev.onair.iam.store.UserRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.SecretCipher;

/** The IAM and STS repositories over JDBC (H2 or PostgreSQL). */
public final class JdbcIamStore implements IamStore {
  private final AccountRepository accounts;
  private final UserRepository users;
  private final GroupRepository groups;
  private final RoleRepository roles;
  private final ManagedPolicyRepository policies;
  private final AttachmentRepository attachments;
  private final InlinePolicyRepository inlinePolicies;
  private final TagRepository tags;
  private final AccessKeyRepository accessKeys;
  private final LoginProfileRepository loginProfiles;
  private final SessionRepository sessions;

  public JdbcIamStore(Jdbc jdbc, SecretCipher cipher) {
    requireNonNull(jdbc, "jdbc is null");
    requireNonNull(cipher, "cipher is null");
    this.accounts = new JdbcAccountRepository(jdbc);
    this.users = new JdbcUserRepository(jdbc);
    this.groups = new JdbcGroupRepository(jdbc);
    this.roles = new JdbcRoleRepository(jdbc);
    this.policies = new JdbcManagedPolicyRepository(jdbc);
    this.attachments = new JdbcAttachmentRepository(jdbc);
    this.inlinePolicies = new JdbcInlinePolicyRepository(jdbc);
    this.tags = new JdbcTagRepository(jdbc);
    this.accessKeys = new JdbcAccessKeyRepository(jdbc, cipher);
    this.loginProfiles = new JdbcLoginProfileRepository(jdbc);
    this.sessions = new JdbcSessionRepository(jdbc, cipher);
  }

  /**
   * How many IAM generation bumps this process has committed: changes whenever IAM is changed through this
   * process, after the change committed (read it before reading the generation, compare later).
   */
  public static long localGenerationBumps() {
    return IamSql.LOCAL_BUMPS.get();
  }

  @Override
  public AccountRepository accounts() {
    return accounts;
  }

  @Override
  public UserRepository users() {
    return users;
  }

  @Override
  public GroupRepository groups() {
    return groups;
  }

  @Override
  public RoleRepository roles() {
    return roles;
  }

  @Override
  public ManagedPolicyRepository policies() {
    return policies;
  }

  @Override
  public AttachmentRepository attachments() {
    return attachments;
  }

  @Override
  public InlinePolicyRepository inlinePolicies() {
    return inlinePolicies;
  }

  @Override
  public TagRepository tags() {
    return tags;
  }

  @Override
  public AccessKeyRepository accessKeys() {
    return accessKeys;
  }

  @Override
  public LoginProfileRepository loginProfiles() {
    return loginProfiles;
  }

  @Override
  public SessionRepository sessions() {
    return sessions;
  }
}

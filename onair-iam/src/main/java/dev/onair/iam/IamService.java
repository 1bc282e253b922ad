package dev.onair.iam;

import static java.util.Objects.requireNonNull;

/**
 * The IAM service, split by operation group so each class stays small; every group has one public method per
 * AWS operation, named like it ({@code users().createUser}). Built once by the composition root.
 */
public final class IamService {
  private final IamCore core;
  private final UserService users;
  private final GroupService groups;
  private final RoleService roles;
  private final PolicyService policies;
  private final InlinePolicyService inlinePolicies;
  private final AttachmentService attachments;
  private final AccessKeyService accessKeys;
  private final LoginProfileService loginProfiles;
  private final AccountService account;
  private final SimulationService simulation;

  public IamService(IamCore core) {
    this.core = requireNonNull(core, "core is null");
    this.users = new UserService(core);
    this.groups = new GroupService(core);
    this.roles = new RoleService(core);
    this.policies = new PolicyService(core);
    this.inlinePolicies = new InlinePolicyService(core);
    this.attachments = new AttachmentService(core);
    this.accessKeys = new AccessKeyService(core);
    this.loginProfiles = new LoginProfileService(core);
    this.account = new AccountService(core);
    this.simulation = new SimulationService(core);
  }

  public IamCore core() {
    return core;
  }

  public UserService users() {
    return users;
  }

  public GroupService groups() {
    return groups;
  }

  public RoleService roles() {
    return roles;
  }

  public PolicyService policies() {
    return policies;
  }

  public InlinePolicyService inlinePolicies() {
    return inlinePolicies;
  }

  public AttachmentService attachments() {
    return attachments;
  }

  public AccessKeyService accessKeys() {
    return accessKeys;
  }

  public LoginProfileService loginProfiles() {
    return loginProfiles;
  }

  public AccountService account() {
    return account;
  }

  public SimulationService simulation() {
    return simulation;
  }
}

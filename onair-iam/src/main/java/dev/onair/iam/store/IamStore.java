package dev.onair.iam.store;

/**
 * All IAM and STS repositories, as one value the composition root builds from the storage adapter. Each
 * repository method is one transaction; the limits IAM enforces (two access keys, ten attachments, five
 * versions, unique names) are enforced there, against the database, not with in-process locks.
 */
public interface IamStore {
  AccountRepository accounts();

  UserRepository users();

  GroupRepository groups();

  RoleRepository roles();

  ManagedPolicyRepository policies();

  AttachmentRepository attachments();

  InlinePolicyRepository inlinePolicies();

  TagRepository tags();

  AccessKeyRepository accessKeys();

  LoginProfileRepository loginProfiles();

  SessionRepository sessions();
}

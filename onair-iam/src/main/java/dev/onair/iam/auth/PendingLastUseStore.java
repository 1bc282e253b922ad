package dev.onair.iam.auth;

import static java.util.Objects.requireNonNull;

import dev.onair.iam.model.AccessKey;
import dev.onair.iam.model.AccessKeyStatus;
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
import dev.onair.protocol.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The IAM store as IAM's operations see it when last use is coalesced: access keys read through it carry this
 * node's not-yet-written last use ({@link CoalescingCredentialResolver#overlay}), so GetAccessKeyLastUsed answers
 * from the latest request without a write per request. Access key status changes and deletions are reported to
 * {@code accessKeyChanged} after they commit (the credential cache forgets the key). Everything else passes
 * through unchanged.
 */
public final class PendingLastUseStore implements IamStore {
  private final IamStore delegate;
  private final AccessKeyRepository accessKeys;

  public PendingLastUseStore(
      IamStore delegate, CoalescingCredentialResolver coalescer, Consumer<String> accessKeyChanged) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.accessKeys = new OverlaidAccessKeys(
        delegate.accessKeys(),
        requireNonNull(coalescer, "coalescer is null"),
        requireNonNull(accessKeyChanged, "accessKeyChanged is null"));
  }

  @Override
  public AccountRepository accounts() {
    return delegate.accounts();
  }

  @Override
  public UserRepository users() {
    return delegate.users();
  }

  @Override
  public GroupRepository groups() {
    return delegate.groups();
  }

  @Override
  public RoleRepository roles() {
    return delegate.roles();
  }

  @Override
  public ManagedPolicyRepository policies() {
    return delegate.policies();
  }

  @Override
  public AttachmentRepository attachments() {
    return delegate.attachments();
  }

  @Override
  public InlinePolicyRepository inlinePolicies() {
    return delegate.inlinePolicies();
  }

  @Override
  public TagRepository tags() {
    return delegate.tags();
  }

  @Override
  public AccessKeyRepository accessKeys() {
    return accessKeys;
  }

  @Override
  public LoginProfileRepository loginProfiles() {
    return delegate.loginProfiles();
  }

  @Override
  public SessionRepository sessions() {
    return delegate.sessions();
  }

  private record OverlaidAccessKeys(
      AccessKeyRepository delegate, CoalescingCredentialResolver coalescer, Consumer<String> changed)
      implements AccessKeyRepository {
    @Override
    public AccessKey create(AccessKey key, Secret secret) {
      return delegate.create(key, secret);
    }

    @Override
    public List<AccessKey> list(String userId) {
      return delegate.list(userId).stream().map(coalescer::overlay).toList();
    }

    @Override
    public Optional<AccessKey> find(String accessKeyId) {
      return delegate.find(accessKeyId).map(coalescer::overlay);
    }

    @Override
    public Optional<StoredAccessKey> findWithSecret(String accessKeyId) {
      return delegate.findWithSecret(accessKeyId)
          .map(stored -> new StoredAccessKey(coalescer.overlay(stored.key()), stored.secret()));
    }

    @Override
    public boolean updateStatus(String accessKeyId, AccessKeyStatus status) {
      try {
        return delegate.updateStatus(accessKeyId, status);
      } finally {
        changed.accept(accessKeyId);
      }
    }

    @Override
    public boolean delete(String accessKeyId) {
      try {
        return delegate.delete(accessKeyId);
      } finally {
        changed.accept(accessKeyId);
      }
    }

    @Override
    public void recordUse(String accessKeyId, String serviceName, String region, Instant when) {
      coalescer.recordUse(accessKeyId, serviceName, region, when);
    }
  }
}

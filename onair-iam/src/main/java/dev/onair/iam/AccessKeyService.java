package dev.onair.iam;

import dev.onair.iam.model.AccessKey;
import dev.onair.iam.model.AccessKeyStatus;
import dev.onair.iam.model.User;
import dev.onair.iam.support.IamIds;
import dev.onair.iam.support.Paging;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.Validation;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Secret;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;

/** Long-term access keys. The secret leaves the service exactly once, in CreateAccessKey's response. */
public final class AccessKeyService {
  private final IamCore core;

  public AccessKeyService(IamCore core) {
    this.core = core;
  }

  public StructNode createAccessKey(CallContext context, StructNode input) {
    User user = core.namedOrCallingUser(context, input);
    Secret secret = Secret.of(IamIds.secretAccessKey());
    AccessKey key = core.store().accessKeys().create(newKey(user, core.now()), secret);
    StructNode shape = StructNode.builder()
        .put("UserName", user.name())
        .put("AccessKeyId", key.accessKeyId())
        .put("Status", key.status().name())
        .put("SecretAccessKey", secret.reveal())
        .put("CreateDate", key.createDate())
        .build();
    return StructNode.builder().put("AccessKey", shape).build();
  }

  static AccessKey newKey(User user, java.time.Instant now) {
    return new AccessKey(
        IamIds.accessKeyId(false), user.accountId(), user.userId(), user.name(), AccessKeyStatus.Active, now, null,
        null, null);
  }

  public StructNode listAccessKeys(CallContext context, StructNode input) {
    User user = core.namedOrCallingUser(context, input);
    List<AccessKey> keys = core.store().accessKeys().list(user.userId()).stream()
        .map(key -> withUserName(key, user.name()))
        .toList();
    Paging.Page<AccessKey> page = Paging.page(keys, AccessKey::accessKeyId, input);
    StructNode.Builder builder = StructNode.builder()
        .put("AccessKeyMetadata", ListNode.map(page.items(), IamShapes::accessKeyMetadata));
    return page.addTo(builder).build();
  }

  public StructNode updateAccessKey(CallContext context, StructNode input) {
    User user = core.namedOrCallingUser(context, input);
    String accessKeyId = accessKeyId(input);
    String statusText = Params.required(input, "Status");
    AccessKeyStatus status = AccessKeyStatus.parse(statusText);
    if (status == null) {
      throw Validation.failed(
          "Status", statusText, "Member must satisfy enum value set: [Active, Inactive]");
    }
    ownedKey(user, accessKeyId);
    core.store().accessKeys().updateStatus(accessKeyId, status);
    return StructNode.EMPTY;
  }

  public StructNode deleteAccessKey(CallContext context, StructNode input) {
    User user = core.namedOrCallingUser(context, input);
    String accessKeyId = accessKeyId(input);
    ownedKey(user, accessKeyId);
    core.store().accessKeys().delete(accessKeyId);
    return StructNode.EMPTY;
  }

  public StructNode getAccessKeyLastUsed(CallContext context, StructNode input) {
    String accessKeyId = accessKeyId(input);
    AccessKey key = core.store().accessKeys().find(accessKeyId)
        .filter(found -> found.accountId().equals(context.accountId()))
        .orElseThrow(() -> IamErrors.noSuchAccessKey(accessKeyId));
    String userName = core.store().users().findById(key.userId()).map(User::name).orElse(key.userName());
    StructNode lastUsed = StructNode.builder()
        .put("LastUsedDate", key.lastUsedDate())
        .put("ServiceName", key.lastUsedService() == null ? "N/A" : key.lastUsedService())
        .put("Region", key.lastUsedRegion() == null ? "N/A" : key.lastUsedRegion())
        .build();
    return StructNode.builder().put("UserName", userName).put("AccessKeyLastUsed", lastUsed).build();
  }

  private static String accessKeyId(StructNode input) {
    String accessKeyId = Params.required(input, "AccessKeyId");
    Validation.length("AccessKeyId", accessKeyId, 16, 128);
    Validation.pattern("AccessKeyId", accessKeyId, java.util.regex.Pattern.compile(Validation.ACCESS_KEY_ID_PATTERN));
    return accessKeyId;
  }

  private AccessKey ownedKey(User user, String accessKeyId) {
    return core.store().accessKeys().find(accessKeyId)
        .filter(key -> key.userId().equals(user.userId()))
        .orElseThrow(() -> IamErrors.noSuchAccessKey(accessKeyId));
  }

  private static AccessKey withUserName(AccessKey key, String userName) {
    return new AccessKey(
        key.accessKeyId(), key.accountId(), key.userId(), userName, key.status(), key.createDate(),
        key.lastUsedDate(), key.lastUsedService(), key.lastUsedRegion());
  }
}

package dev.onair.iam;

import dev.onair.iam.model.LoginProfile;
import dev.onair.iam.model.PasswordPolicy;
import dev.onair.iam.model.User;
import dev.onair.iam.store.LoginProfileRepository.StoredLoginProfile;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.Passwords;
import dev.onair.iam.support.Validation;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.tree.StructNode;
import java.util.Optional;

/** Console passwords: login profiles, ChangePassword and the account password policy enforced on every set. */
public final class LoginProfileService {
  private final IamCore core;

  public LoginProfileService(IamCore core) {
    this.core = core;
  }

  public StructNode createLoginProfile(CallContext context, StructNode input) {
    User user = core.namedOrCallingUser(context, input);
    String password = password(input, "Password", true);
    enforcePolicy(context.accountId(), password);
    boolean reset = Params.bool(input, "PasswordResetRequired", false);
    LoginProfile profile = core.store().loginProfiles()
        .create(user.userId(), user.name(), Passwords.hash(password), reset, core.now());
    return StructNode.builder().put("LoginProfile", shape(profile)).build();
  }

  public StructNode getLoginProfile(CallContext context, StructNode input) {
    User user = core.namedOrCallingUser(context, input);
    return StructNode.builder().put("LoginProfile", shape(stored(user).profile())).build();
  }

  public StructNode updateLoginProfile(CallContext context, StructNode input) {
    User user = core.namedOrCallingUser(context, input);
    stored(user);
    String password = password(input, "Password", false);
    String hash = null;
    if (password != null) {
      enforcePolicy(context.accountId(), password);
      hash = Passwords.hash(password);
    }
    core.store().loginProfiles().update(user.userId(), hash, Params.bool(input, "PasswordResetRequired"));
    return StructNode.EMPTY;
  }

  public StructNode deleteLoginProfile(CallContext context, StructNode input) {
    User user = core.namedOrCallingUser(context, input);
    if (!core.store().loginProfiles().delete(user.userId())) {
      throw IamErrors.noSuchLoginProfile(user.name());
    }
    return StructNode.EMPTY;
  }

  public StructNode changePassword(CallContext context, StructNode input) {
    String oldPassword = password(input, "OldPassword", true);
    String newPassword = password(input, "NewPassword", true);
    Caller caller = context.caller();
    if (caller.type() != Caller.CallerType.USER) {
      throw IamErrors.of(IamErrorCode.InvalidUserType, "Only IAM Users can change their own password.");
    }
    User user = core.store().users().findById(caller.userId())
        .orElseThrow(() -> IamErrors.noSuchUser(caller.name()));
    StoredLoginProfile profile = stored(user);
    if (!Passwords.verify(oldPassword, profile.passwordHash())) {
      throw IamErrors.of(IamErrorCode.AccessDenied, "The old password was incorrect.");
    }
    enforcePolicy(context.accountId(), newPassword);
    core.store().loginProfiles().update(user.userId(), Passwords.hash(newPassword), false);
    return StructNode.EMPTY;
  }

  public StructNode updateAccountPasswordPolicy(CallContext context, StructNode input) {
    Integer minimum = Params.integer(input, "MinimumPasswordLength");
    Validation.range("MinimumPasswordLength", minimum, 6, 128);
    Integer maxAge = Params.integer(input, "MaxPasswordAge");
    Validation.range("MaxPasswordAge", maxAge, 1, 1095);
    Integer reuse = Params.integer(input, "PasswordReusePrevention");
    Validation.range("PasswordReusePrevention", reuse, 1, 24);
    PasswordPolicy policy = new PasswordPolicy(
        minimum == null ? 6 : minimum,
        Params.bool(input, "RequireSymbols", false),
        Params.bool(input, "RequireNumbers", false),
        Params.bool(input, "RequireUppercaseCharacters", false),
        Params.bool(input, "RequireLowercaseCharacters", false),
        Params.bool(input, "AllowUsersToChangePassword", false),
        maxAge,
        reuse,
        Params.bool(input, "HardExpiry", false));
    core.store().accounts().putPasswordPolicy(context.accountId(), policy);
    return StructNode.EMPTY;
  }

  public StructNode getAccountPasswordPolicy(CallContext context, StructNode input) {
    PasswordPolicy policy = core.store().accounts().passwordPolicy(context.accountId())
        .orElseThrow(() -> noPolicy(context.accountId()));
    StructNode shape = StructNode.builder()
        .put("MinimumPasswordLength", policy.minimumPasswordLength())
        .put("RequireSymbols", policy.requireSymbols())
        .put("RequireNumbers", policy.requireNumbers())
        .put("RequireUppercaseCharacters", policy.requireUppercaseCharacters())
        .put("RequireLowercaseCharacters", policy.requireLowercaseCharacters())
        .put("AllowUsersToChangePassword", policy.allowUsersToChangePassword())
        .put("ExpirePasswords", policy.expirePasswords())
        .put("MaxPasswordAge", policy.maxPasswordAge())
        .put("PasswordReusePrevention", policy.passwordReusePrevention())
        .put("HardExpiry", policy.hardExpiry())
        .build();
    return StructNode.builder().put("PasswordPolicy", shape).build();
  }

  public StructNode deleteAccountPasswordPolicy(CallContext context, StructNode input) {
    if (!core.store().accounts().deletePasswordPolicy(context.accountId())) {
      throw noPolicy(context.accountId());
    }
    return StructNode.EMPTY;
  }

  private static RuntimeException noPolicy(String accountId) {
    return IamErrors.of(IamErrorCode.NoSuchEntity,
        "The Password Policy with domain name " + accountId + " cannot be found.");
  }

  /**
   * The account policy when set, else IAM's default: at least 8 characters from at least three of the four
   * classes (upper, lower, digits, symbols).
   */
  void enforcePolicy(String accountId, String password) {
    Optional<PasswordPolicy> policy = core.store().accounts().passwordPolicy(accountId);
    String violation = PasswordRules.violation(policy.orElse(null), password);
    if (violation != null) {
      throw IamErrors.of(IamErrorCode.PasswordPolicyViolation, violation);
    }
  }

  private StoredLoginProfile stored(User user) {
    return core.store().loginProfiles().find(user.userId(), user.name())
        .orElseThrow(() -> IamErrors.noSuchLoginProfile(user.name()));
  }

  private static String password(StructNode input, String member, boolean required) {
    String password = required ? Params.required(input, member) : Params.optional(input, member);
    if (password != null) {
      Validation.length(member, password.isEmpty() ? password : "*", 1, 128);
      if (password.length() > 128 || !password.matches(Validation.PASSWORD_PATTERN)) {
        // The value itself never appears in the message: it is a password.
        throw Validation.failed(member, "*****", "Member must satisfy regular expression pattern: "
            + Validation.PASSWORD_PATTERN);
      }
    }
    return password;
  }

  private static StructNode shape(LoginProfile profile) {
    return StructNode.builder()
        .put("UserName", profile.userName())
        .put("CreateDate", profile.createDate())
        .put("PasswordResetRequired", profile.passwordResetRequired())
        .build();
  }
}

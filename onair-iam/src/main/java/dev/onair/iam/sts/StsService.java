package dev.onair.iam.sts;

import dev.onair.iam.IamCore;
import dev.onair.iam.model.Arns;
import dev.onair.iam.model.Role;
import dev.onair.iam.model.StsSession;
import dev.onair.iam.model.Tag;
import dev.onair.iam.model.User;
import dev.onair.iam.support.IamIds;
import dev.onair.iam.support.Params;
import dev.onair.policy.AttachedPolicy;
import dev.onair.policy.AuthorizationRequest;
import dev.onair.policy.EvaluationResult;
import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.policy.PolicyEvaluator;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicyParser;
import dev.onair.policy.PolicySet;
import dev.onair.policy.RequestContext;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.Secret;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.StructNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** STS: GetCallerIdentity, AssumeRole and GetSessionToken, issuing temporary credentials that survive restarts. */
public final class StsService {
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
  private static final int MAX_SESSION_POLICY = 2048;

  private final IamCore core;

  public StsService(IamCore core) {
    this.core = core;
  }

  public StructNode getCallerIdentity(CallContext context, StructNode input) {
    Caller caller = context.caller();
    return StructNode.builder()
        .put("UserId", caller.userId())
        .put("Account", caller.accountId())
        .put("Arn", caller.arn())
        .build();
  }

  public StructNode assumeRole(CallContext context, StructNode input) {
    String roleArn = Params.required(input, "RoleArn");
    length("RoleArn", roleArn, 20, 2048);
    String sessionName = Params.required(input, "RoleSessionName");
    length("RoleSessionName", sessionName, 2, 64);
    if (!SESSION_NAME.matcher(sessionName).matches()) {
      throw invalid("RoleSessionName", sessionName, "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    }
    Integer duration = Params.integer(input, "DurationSeconds");
    String policy = Params.optional(input, "Policy");
    List<String> policyArns = new ArrayList<>();
    for (StructNode item : Params.structs(input, "PolicyArns")) {
      String arn = item.string("arn");
      if (arn != null) {
        policyArns.add(arn);
      }
    }
    if (policyArns.size() > 10) {
      throw invalid("PolicyArns", "[...]", "Member must have length less than or equal to 10");
    }
    List<Tag> tags = Params.tags(input, "Tags");
    Role role = roleFor(context, roleArn);
    Caller caller = context.caller();
    if (!trustAllows(context, role, sessionName, input, tags)) {
      throw denied(caller, roleArn);
    }
    int maxDuration = caller.type() == Caller.CallerType.ASSUMED_ROLE ? 3600 : role.maxSessionDuration();
    int seconds = duration == null ? 3600 : duration;
    if (seconds < 900) {
      throw invalid("DurationSeconds", String.valueOf(seconds), "Member must have value greater than or equal to 900");
    }
    if (seconds > maxDuration) {
      throw error(StsErrorCode.ValidationError, "The requested DurationSeconds exceeds the MaxSessionDuration set"
          + " for this role.");
    }
    Integer packed = null;
    if (policy != null) {
      if (policy.length() > MAX_SESSION_POLICY) {
        throw error(StsErrorCode.PackedPolicyTooLarge, "Packed policy consumes more than the allowed size.");
      }
      try {
        PolicyParser.parse(policy, PolicyKind.SESSION);
      } catch (MalformedPolicyDocumentException e) {
        throw error(StsErrorCode.MalformedPolicyDocument, e.awsMessage());
      }
      packed = Math.max(1, policy.replaceAll("\\s", "").length() * 100 / MAX_SESSION_POLICY);
    }
    for (String arn : policyArns) {
      if (core.managedPolicy(arn).isEmpty()) {
        throw error(StsErrorCode.ValidationError, "The policy " + arn + " does not exist or is not attachable.");
      }
    }
    Instant now = core.now();
    StsSession session = new StsSession(IamIds.accessKeyId(true), role.accountId(), StsSession.PrincipalType.ROLE,
        role.roleId(), role.arn(), sessionName, now, now.plus(seconds, ChronoUnit.SECONDS), policy, policyArns, tags,
        caller.arn());
    StructNode credentials = issue(session);
    StructNode assumed = StructNode.builder()
        .put("AssumedRoleId", role.roleId() + ":" + sessionName)
        .put("Arn", Arns.assumedRole(role.accountId(), role.name(), sessionName))
        .build();
    return StructNode.builder()
        .put("Credentials", credentials)
        .put("AssumedRoleUser", assumed)
        .put("PackedPolicySize", packed)
        .build();
  }

  public StructNode getSessionToken(CallContext context, StructNode input) {
    Caller caller = context.caller();
    if (caller.temporaryCredentials() || caller.type() != Caller.CallerType.USER) {
      throw error(StsErrorCode.AccessDenied, "Cannot call GetSessionToken with session credentials");
    }
    Integer duration = Params.integer(input, "DurationSeconds");
    int seconds = duration == null ? 43200 : duration;
    if (seconds < 900 || seconds > 129600) {
      throw invalid("DurationSeconds", String.valueOf(seconds),
          seconds < 900 ? "Member must have value greater than or equal to 900"
              : "Member must have value less than or equal to 129600");
    }
    User user = core.store().users().findById(caller.userId())
        .orElseThrow(() -> error(StsErrorCode.AccessDenied, "The user no longer exists."));
    Instant now = core.now();
    StsSession session = new StsSession(IamIds.accessKeyId(true), user.accountId(), StsSession.PrincipalType.USER,
        user.userId(), null, null, now, now.plus(seconds, ChronoUnit.SECONDS), null, List.of(), List.of(),
        caller.arn());
    return StructNode.builder().put("Credentials", issue(session)).build();
  }

  private StructNode issue(StsSession session) {
    Secret secret = Secret.of(IamIds.secretAccessKey());
    Secret token = Secret.of(IamIds.sessionToken());
    core.store().sessions().create(session, secret, token);
    return StructNode.builder()
        .put("AccessKeyId", session.accessKeyId())
        .put("SecretAccessKey", secret.reveal())
        .put("SessionToken", token.reveal())
        .put("Expiration", session.expiresAt())
        .build();
  }

  /** The role named by an ARN in this account; anything else is denied, as AWS does for unknown roles. */
  Optional<Role> findRole(String accountId, String roleArn) {
    String prefix = "arn:aws:iam::" + accountId + ":role/";
    if (!roleArn.startsWith(prefix)) {
      return Optional.empty();
    }
    String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    return core.store().roles().find(accountId, name).filter(role -> role.arn().equals(roleArn));
  }

  private Role roleFor(CallContext context, String roleArn) {
    return findRole(context.accountId(), roleArn).orElseThrow(() -> denied(context.caller(), roleArn));
  }

  /**
   * The trust policy must always allow the caller, whatever its identity policies say. Evaluated as a policy set
   * of its own, so that only its statements (principal, action, conditions such as sts:ExternalId) decide.
   */
  private boolean trustAllows(CallContext context, Role role, String sessionName, StructNode input, List<Tag> tags) {
    AttachedPolicy trust = new AttachedPolicy("trust", PolicyParser.parse(role.trustPolicy(), PolicyKind.TRUST));
    RequestContext.Builder keys = RequestContext.builder()
        .put("aws:PrincipalArn", context.caller().principalArn())
        .put("aws:PrincipalAccount", context.caller().accountId())
        .put("aws:CurrentTime", context.requestTime().toString())
        .put("aws:EpochTime", String.valueOf(context.requestTime().getEpochSecond()))
        .put("aws:SourceIp", context.httpRequest().remoteAddress())
        .put("sts:RoleSessionName", sessionName);
    String externalId = Params.optional(input, "ExternalId");
    if (externalId != null) {
      keys.put("sts:ExternalId", externalId);
    }
    if (!tags.isEmpty()) {
      List<String> tagKeys = new ArrayList<>();
      for (Tag tag : tags) {
        keys.put("aws:RequestTag/" + tag.key(), tag.value());
        tagKeys.add(tag.key());
      }
      keys.put("aws:TagKeys", tagKeys);
    }
    EvaluationResult result = PolicyEvaluator.evaluate(
        PolicySet.of(List.of(trust)).compile(),
        new AuthorizationRequest(CallerPrincipals.of(context.caller()), "sts:AssumeRole", role.arn(), keys.build()));
    return result.allowed();
  }

  static AwsServiceException denied(Caller caller, String roleArn) {
    return error(StsErrorCode.AccessDenied, "User: " + caller.arn() + " is not authorized to perform: sts:AssumeRole"
        + " on resource: " + roleArn);
  }

  private static void length(String member, String value, int min, int max) {
    if (value.length() < min) {
      throw invalid(member, value, "Member must have length greater than or equal to " + min);
    }
    if (value.length() > max) {
      throw invalid(member, value, "Member must have length less than or equal to " + max);
    }
  }

  static AwsServiceException invalid(String member, String value, String constraint) {
    String name = Character.toLowerCase(member.charAt(0)) + member.substring(1);
    return error(StsErrorCode.ValidationError, "1 validation error detected: Value '" + value + "' at '" + name
        + "' failed to satisfy constraint: " + constraint);
  }

  static AwsServiceException error(StsErrorCode code, String message) {
    return new AwsServiceException(code, message);
  }
}

package dev.onair.server.frontdoor;

import dev.onair.iam.auth.NamedPolicyDocument;
import dev.onair.iam.auth.PrincipalPolicies;
import dev.onair.iam.auth.PrincipalPolicyResolver;
import dev.onair.policy.AccessDeniedMessage;
import dev.onair.policy.AttachedPolicy;
import dev.onair.policy.AuthorizationRequest;
import dev.onair.policy.CompiledPolicy;
import dev.onair.policy.CompiledPolicySet;
import dev.onair.policy.EvaluationResult;
import dev.onair.policy.PolicyEvaluator;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicyParser;
import dev.onair.policy.PolicySet;
import dev.onair.policy.PrincipalInfo;
import dev.onair.policy.RequestContext;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.Authorizer;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the policy engine about one check: the caller's compiled policies (cached per principal and policy
 * generation), the request's global condition keys plus the check's own, and the resource's policy if any. A
 * denial is thrown as the service's access-denied code with AWS's wording.
 */
public final class PolicyAuthorizer {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyAuthorizer.class);
  private static final int MAX_CACHED = 10_000;

  /** A principal's compiled set is valid for one generation of the policy store. */
  private record CacheKey(String principal, String accessKeyId, long generation) {}

  private final PrincipalPolicyResolver resolver;
  private final ConcurrentHashMap<CacheKey, CompiledPolicySet> compiled = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Optional<CompiledPolicy>> resourcePolicies = new ConcurrentHashMap<>();

  public PolicyAuthorizer(PrincipalPolicyResolver resolver) {
    this.resolver = resolver;
  }

  /** The authorizer for one service's requests, which denies with that service's code. */
  public Authorizer forService(ErrorCode accessDenied) {
    return (context, check) -> require(context, check, accessDenied);
  }

  void require(CallContext context, AuthorizationCheck check, ErrorCode accessDenied) {
    Caller caller = context.caller();
    RequestContext keys = RequestContextFactory.create(context, check);
    AuthorizationRequest request =
        new AuthorizationRequest(principalInfo(caller), check.action(), check.resourceArn(), keys);
    EvaluationResult result =
        PolicyEvaluator.evaluate(policiesOf(caller), request, resourcePolicy(check.resourcePolicy()));
    if (!result.allowed()) {
      String principal = caller.type() == Caller.CallerType.ANONYMOUS ? null : caller.arn();
      throw new AwsServiceException(
          accessDenied, AccessDeniedMessage.format(principal, check.action(), check.resourceArn(), result));
    }
  }

  private CompiledPolicySet policiesOf(Caller caller) {
    if (caller.type() == Caller.CallerType.ANONYMOUS) {
      return PolicySet.of(List.of()).compile();
    }
    long generation = resolver.generation();
    String sessionKey = caller.temporaryCredentials() ? caller.accessKeyId() : null;
    CacheKey key = new CacheKey(caller.arn(), sessionKey, generation);
    CompiledPolicySet cached = compiled.get(key);
    if (cached != null) {
      return cached;
    }
    if (compiled.size() >= MAX_CACHED) {
      compiled.clear();
    }
    // entries of older generations can never be hit again
    compiled.keySet().removeIf(old -> old.generation() != generation);
    CompiledPolicySet fresh = toPolicySet(resolver.policiesFor(caller)).compile();
    compiled.put(key, fresh);
    return fresh;
  }

  private static PolicySet toPolicySet(PrincipalPolicies policies) {
    if (policies.root()) {
      return PolicySet.forRoot();
    }
    PolicySet set = PolicySet.of(attach(policies.identityPolicies(), PolicyKind.IDENTITY));
    if (policies.permissionsBoundary() != null) {
      List<AttachedPolicy> boundary = attach(List.of(policies.permissionsBoundary()), PolicyKind.BOUNDARY);
      if (!boundary.isEmpty()) {
        set = set.withBoundary(boundary.get(0));
      }
    }
    if (!policies.sessionPolicies().isEmpty()) {
      set = set.withSessionPolicies(attach(policies.sessionPolicies(), PolicyKind.SESSION));
    }
    return set;
  }

  private static List<AttachedPolicy> attach(List<NamedPolicyDocument> documents, PolicyKind kind) {
    List<AttachedPolicy> attached = new ArrayList<>();
    for (NamedPolicyDocument document : documents) {
      try {
        attached.add(new AttachedPolicy(document.source(), PolicyParser.parse(document.document(), kind)));
      } catch (RuntimeException e) {
        // stored documents were validated on write; one that no longer parses grants nothing
        LOG.warn("policy {} could not be parsed and is ignored: {}", document.source(), e.getMessage());
      }
    }
    return attached;
  }

  private Optional<CompiledPolicy> resourcePolicy(String json) {
    if (json == null) {
      return Optional.empty();
    }
    if (resourcePolicies.size() >= MAX_CACHED) {
      resourcePolicies.clear();
    }
    return resourcePolicies.computeIfAbsent(
        json,
        text -> {
          try {
            return Optional.of(
                CompiledPolicy.compile("resource-policy", PolicyParser.parse(text, PolicyKind.RESOURCE)));
          } catch (RuntimeException e) {
            LOG.warn("a resource policy could not be parsed and is ignored: {}", e.getMessage());
            return Optional.empty();
          }
        });
  }

  static PrincipalInfo principalInfo(Caller caller) {
    return switch (caller.type()) {
      case ROOT -> PrincipalInfo.root(caller.accountId());
      case USER ->
          PrincipalInfo.user(
              caller.arn(), caller.accountId(), caller.name(), caller.userId(), caller.principalTags());
      case ASSUMED_ROLE ->
          new PrincipalInfo(
              caller.principalArn(),
              caller.accountId(),
              dev.onair.policy.PrincipalType.ASSUMED_ROLE,
              caller.arn(),
              null,
              caller.userId(),
              caller.principalTags());
      case ANONYMOUS -> PrincipalInfo.anonymous();
    };
  }
}

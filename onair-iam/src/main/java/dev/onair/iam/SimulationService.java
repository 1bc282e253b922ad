package dev.onair.iam;

import dev.onair.iam.auth.IamPrincipalPolicyResolver;
import dev.onair.iam.auth.NamedPolicyDocument;
import dev.onair.iam.auth.PrincipalPolicies;
import dev.onair.iam.model.Arns;
import dev.onair.iam.model.Group;
import dev.onair.iam.model.Role;
import dev.onair.iam.model.Tag;
import dev.onair.iam.model.User;
import dev.onair.iam.support.Paging;
import dev.onair.iam.support.Params;
import dev.onair.iam.support.Validation;
import dev.onair.policy.AttachedPolicy;
import dev.onair.policy.AuthorizationRequest;
import dev.onair.policy.CompiledPolicy;
import dev.onair.policy.Decision;
import dev.onair.policy.DenialSource;
import dev.onair.policy.EvaluationResult;
import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.policy.MatchedStatement;
import dev.onair.policy.PolicyEvaluator;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicyParser;
import dev.onair.policy.PolicySet;
import dev.onair.policy.PrincipalInfo;
import dev.onair.policy.RequestContext;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy simulator. It evaluates with the same engine and the same policy set that enforcement uses, so a
 * simulated decision equals the enforced one for the same input.
 */
public final class SimulationService {
  private static final int MAX_POLICY_DOCUMENT_LENGTH = 131_072;

  private final IamCore core;
  private final IamPrincipalPolicyResolver resolver;

  public SimulationService(IamCore core) {
    this.core = core;
    this.resolver = new IamPrincipalPolicyResolver(core);
  }

  /** Where a policy came from, as EvaluationResult.MatchedStatements reports it. */
  private record Source(String id, String type) {}

  public StructNode simulatePrincipalPolicy(CallContext context, StructNode input) {
    String sourceArn = Params.required(input, "PolicySourceArn");
    IamCore.requireArn("PolicySourceArn", sourceArn);
    Map<String, Source> sources = new HashMap<>();
    PrincipalPolicies policies;
    PrincipalInfo principal;
    String account = context.accountId();
    String name = sourceArn.substring(sourceArn.lastIndexOf('/') + 1);
    if (sourceArn.startsWith("arn:aws:iam::" + account + ":user/")) {
      User user = core.user(account, name);
      policies = resolver.forUser(user);
      principal = PrincipalInfo.user(user.arn(), account, user.name(), user.userId(), tags(user.tags()));
    } else if (sourceArn.startsWith("arn:aws:iam::" + account + ":group/")) {
      Group group = core.group(account, name);
      policies = resolver.forGroup(group);
      principal = PrincipalInfo.user(group.arn(), account, null, group.groupId(), Map.of());
    } else if (sourceArn.startsWith("arn:aws:iam::" + account + ":role/")) {
      Role role = core.role(account, name);
      policies = resolver.forRole(role);
      principal = PrincipalInfo.assumedRole(role.arn(), Arns.assumedRole(account, role.name(), "simulation"),
          account, role.roleId(), "simulation", tags(role.tags()));
    } else {
      throw IamErrors.invalidInput("Invalid Entity Arn: " + sourceArn + " does not clearly define entity type and name.");
    }
    List<AttachedPolicy> identity = new ArrayList<>();
    for (NamedPolicyDocument document : policies.identityPolicies()) {
      identity.add(attached(document.source(), document.document(), sources, sourceFor(document.source())));
    }
    identity.addAll(inputPolicies(input, "PolicyInputList", sources));
    Optional<AttachedPolicy> boundary = Optional.empty();
    List<AttachedPolicy> boundaryInput = inputPolicies(input, "PermissionsBoundaryPolicyInputList", sources);
    if (!boundaryInput.isEmpty()) {
      boundary = Optional.of(boundaryInput.get(0));
    } else if (policies.permissionsBoundary() != null) {
      NamedPolicyDocument document = policies.permissionsBoundary();
      boundary = Optional.of(attached(document.source(), document.document(), sources,
          new Source(policyName(document.source()), "permission-boundary")));
    }
    return simulate(context, input, new PolicySet(identity, boundary, List.of(), false), principal, sources);
  }

  public StructNode simulateCustomPolicy(CallContext context, StructNode input) {
    Map<String, Source> sources = new HashMap<>();
    requirePolicyInput(input);
    List<AttachedPolicy> identity = inputPolicies(input, "PolicyInputList", sources);
    List<AttachedPolicy> boundaryInput = inputPolicies(input, "PermissionsBoundaryPolicyInputList", sources);
    Optional<AttachedPolicy> boundary = boundaryInput.isEmpty() ? Optional.empty() : Optional.of(boundaryInput.get(0));
    String callerArn = Params.optional(input, "CallerArn");
    PrincipalInfo principal = callerArn == null
        ? PrincipalInfo.user(Arns.user(context.accountId(), "/", "simulated"), context.accountId(), null, "simulated",
            Map.of())
        : PrincipalInfo.user(callerArn, context.accountId(), callerArn.substring(callerArn.lastIndexOf('/') + 1),
            "simulated", Map.of());
    return simulate(context, input, new PolicySet(identity, boundary, List.of(), false), principal, sources);
  }

  private static void requirePolicyInput(StructNode input) {
    dev.onair.iam.support.Validation.requireNotNull("PolicyInputList", input.get("PolicyInputList"));
  }

  private StructNode simulate(
      CallContext context, StructNode input, PolicySet set, PrincipalInfo principal, Map<String, Source> sources) {
    List<String> actions = Params.strings(input, "ActionNames");
    dev.onair.iam.support.Validation.requireNotNull("ActionNames", input.get("ActionNames"));
    List<String> resources = Params.strings(input, "ResourceArns");
    if (resources.isEmpty()) {
      resources = List.of("*");
    }
    RequestContext requestContext = contextEntries(input);
    Optional<CompiledPolicy> resourcePolicy = Optional.ofNullable(Params.optional(input, "ResourcePolicy"))
        .map(json -> CompiledPolicy.compile("ResourcePolicy", parse("ResourcePolicy", json, PolicyKind.RESOURCE)));
    resourcePolicy.ifPresent(policy -> sources.put("ResourcePolicy", new Source("ResourcePolicy", "resource")));
    var compiled = set.compile();
    List<StructNode> results = new ArrayList<>();
    for (String action : actions) {
      for (String resource : resources) {
        EvaluationResult result = PolicyEvaluator.evaluate(
            compiled, new AuthorizationRequest(principal, action, resource, requestContext), resourcePolicy);
        results.add(result(action, resource, result, sources, set.permissionsBoundary().isPresent()));
      }
    }
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      indexes.add(i);
    }
    Paging.Page<Integer> page = Paging.page(indexes, index -> String.format("%08d", index), input);
    StructNode.Builder builder = StructNode.builder()
        .put("EvaluationResults", ListNode.map(page.items(), results::get));
    return page.addTo(builder).build();
  }

  private static StructNode result(
      String action, String resource, EvaluationResult result, Map<String, Source> sources, boolean hasBoundary) {
    List<StructNode> matched = new ArrayList<>();
    for (MatchedStatement statement : result.matched()) {
      Source source = sources.getOrDefault(statement.policyName(), new Source(statement.policyName(), "none"));
      matched.add(StructNode.builder()
          .put("SourcePolicyId", source.id())
          .put("SourcePolicyType", source.type())
          .put("StartPosition", position(statement.statementIndex() + 1, 1))
          .put("EndPosition", position(statement.statementIndex() + 1, 1))
          .build());
    }
    StructNode.Builder builder = StructNode.builder()
        .put("EvalActionName", action)
        .put("EvalResourceName", resource)
        .put("EvalDecision", decision(result.decision()))
        .put("MatchedStatements", new ListNode(List.copyOf(matched)))
        .put("MissingContextValues", new ListNode(List.of()));
    if (hasBoundary) {
      boolean boundaryDenied = result.decision() != Decision.ALLOW
          && result.source() == DenialSource.PERMISSIONS_BOUNDARY;
      builder.put("PermissionsBoundaryDecisionDetail",
          StructNode.builder().put("AllowedByPermissionsBoundary", !boundaryDenied).build());
    }
    return builder.build();
  }

  private static StructNode position(int line, int column) {
    return StructNode.builder().put("Line", line).put("Column", column).build();
  }

  static String decision(Decision decision) {
    return switch (decision) {
      case ALLOW -> "allowed";
      case EXPLICIT_DENY -> "explicitDeny";
      case IMPLICIT_DENY -> "implicitDeny";
    };
  }

  private List<AttachedPolicy> inputPolicies(StructNode input, String member, Map<String, Source> sources) {
    List<String> documents = Params.strings(input, member);
    List<AttachedPolicy> policies = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      String id = member + "." + (i + 1);
      // The model's policyDocumentType bound: refused before parsing so a huge document costs nothing.
      Validation.length(id, documents.get(i), 1, MAX_POLICY_DOCUMENT_LENGTH);
      policies.add(attached(id, documents.get(i), sources, new Source(id, "none")));
    }
    return policies;
  }

  private static AttachedPolicy attached(String name, String json, Map<String, Source> sources, Source source) {
    sources.put(name, source);
    return new AttachedPolicy(name, parse(name, json, PolicyKind.IDENTITY));
  }

  private static dev.onair.policy.document.PolicyDocument parse(String name, String json, PolicyKind kind) {
    try {
      return PolicyParser.parse(json, kind);
    } catch (MalformedPolicyDocumentException e) {
      throw IamErrors.invalidInput(name + ": " + e.awsMessage());
    }
  }

  private static Source sourceFor(String source) {
    if (source.startsWith("arn:")) {
      return new Source(policyName(source), Arns.isAwsManaged(source) ? "aws-managed" : "user-managed");
    }
    String type = source.substring(0, source.indexOf('/'));
    return new Source(source.substring(source.lastIndexOf('/') + 1), type);
  }

  private static String policyName(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  private static RequestContext contextEntries(StructNode input) {
    RequestContext.Builder builder = RequestContext.builder();
    for (StructNode entry : Params.structs(input, "ContextEntries")) {
      String key = entry.string("ContextKeyName");
      if (key != null) {
        builder.put(key, entry.list("ContextKeyValues").strings());
      }
    }
    return builder.build();
  }

  static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(tag -> map.put(tag.key(), tag.value()));
    return map;
  }
}

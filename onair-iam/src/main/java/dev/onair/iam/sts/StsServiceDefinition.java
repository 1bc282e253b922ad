package dev.onair.iam.sts;

import dev.onair.iam.model.Role;
import dev.onair.iam.support.Params;
import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.tree.StructNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * STS as the front door sees it: signing name {@code sts}, the Query protocol, API version 2011-06-15.
 *
 * <p>AssumeRole declares sts:AssumeRole on the role ARN with the role's trust policy as the resource policy, so
 * the front door applies AWS's rule: a trust policy naming the caller directly allows on its own, one naming the
 * account needs the caller's identity policy too. The handler additionally insists that the trust policy allows
 * the caller at all.
 */
public final class StsServiceDefinition {
  public static final String SIGNING_NAME = "sts";
  public static final String XML_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
  public static final String API_VERSION = "2011-06-15";

  private StsServiceDefinition() {}

  public static ServiceDefinition create(StsService service) {
    List<Operation> operations = List.of(
        new Operation("GetCallerIdentity", Operation.Authorization.none(), handler(service::getCallerIdentity))
            .asReadOnly(),
        new Operation("AssumeRole", (context, input) -> assumeRoleChecks(service, context, input),
            handler(service::assumeRole)),
        new Operation("GetSessionToken", (context, input) -> List.of(
            AuthorizationCheck.of("sts:GetSessionToken", "*")), handler(service::getSessionToken)));
    return new ServiceDefinition(
        SIGNING_NAME,
        List.of(AwsProtocol.AWS_QUERY),
        XML_NAMESPACE,
        API_VERSION,
        null,
        false,
        null,
        StsErrorCode.AccessDenied,
        StsErrorCode.ValidationError,
        StsErrorCode.InvalidAction,
        null,
        ServiceDefinition.index(operations));
  }

  private static List<AuthorizationCheck> assumeRoleChecks(StsService service, CallContext context, StructNode in) {
    String roleArn = in.string("RoleArn");
    if (roleArn == null) {
      return List.of(AuthorizationCheck.of("sts:AssumeRole", "*"));
    }
    AuthorizationCheck check = AuthorizationCheck.of("sts:AssumeRole", roleArn);
    Map<String, String> tags = new LinkedHashMap<>();
    for (StructNode tag : Params.structs(in, "Tags")) {
      if (tag.string("Key") != null) {
        tags.put(tag.string("Key"), tag.string("Value") == null ? "" : tag.string("Value"));
      }
    }
    check = check.withRequestTags(tags);
    String sessionName = in.string("RoleSessionName");
    if (sessionName != null) {
      check = check.withKey("sts:RoleSessionName", sessionName);
    }
    String externalId = in.string("ExternalId");
    if (externalId != null) {
      check = check.withKey("sts:ExternalId", externalId);
    }
    var role = service.findRole(context.accountId(), roleArn);
    if (role.isPresent()) {
      Role found = role.get();
      for (var tag : found.tags()) {
        check = check.withKey("aws:ResourceTag/" + tag.key(), tag.value());
      }
      check = check.withResourcePolicy(found.trustPolicy());
    }
    return List.of(check);
  }

  private static Operation.Handler handler(BiFunction<CallContext, StructNode, StructNode> method) {
    return (context, input) -> {
      try {
        return OperationResult.output(method.apply(context, input));
      } catch (StructNode.MemberTypeException e) {
        throw StsService.error(StsErrorCode.ValidationError, e.getMessage());
      } catch (MalformedPolicyDocumentException e) {
        throw StsService.error(StsErrorCode.MalformedPolicyDocument, e.awsMessage());
      }
    };
  }
}

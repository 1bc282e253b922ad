package dev.onair.iam.analyzer;

import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;
import java.util.Map;

/**
 * IAM Access Analyzer as the front door sees it: signing name {@code access-analyzer}, restJson1, API version
 * 2019-11-01. Only ValidatePolicy is served; it reads nothing stored, so it needs no store, only the engine.
 *
 * <p>ValidatePolicy has no resource type in the Service Authorization Reference, so it is authorized on
 * {@code *}: a statement naming a specific ARN does not grant it, as in AWS.
 */
public final class AccessAnalyzerServiceDefinition {
  public static final String SIGNING_NAME = "access-analyzer";
  public static final String API_VERSION = "2019-11-01";
  static final String ACTION = "access-analyzer:ValidatePolicy";
  /** What a restJson1 edge answers for a route the service does not have. */
  static final ErrorCode UNKNOWN_OPERATION = ErrorCode.of("UnknownOperationException", 404);

  private AccessAnalyzerServiceDefinition() {}

  public static ServiceDefinition create() {
    ValidatePolicyOperation validatePolicy = new ValidatePolicyOperation();
    Operation operation =
        new Operation(
            ValidatePolicyOperation.NAME,
            (context, input) -> List.of(AuthorizationCheck.of(ACTION, "*")),
            (context, input) -> {
              try {
                return OperationResult.output(validatePolicy.handle(input));
              } catch (StructNode.MemberTypeException e) {
                throw validation(e.getMessage(), "fieldValidationFailed");
              }
            });
    return new ServiceDefinition(
        SIGNING_NAME,
        List.of(AwsProtocol.REST_JSON_1),
        null,
        API_VERSION,
        null,
        false,
        null,
        AccessAnalyzerErrorCode.ACCESS_DENIED,
        AccessAnalyzerErrorCode.VALIDATION,
        UNKNOWN_OPERATION,
        new AccessAnalyzerRestRouter(),
        ServiceDefinition.index(List.of(operation)));
  }

  /** ValidationException carries a required {@code reason} besides the message. */
  static AwsServiceException validation(String message, String reason) {
    return new AwsServiceException(AccessAnalyzerErrorCode.VALIDATION, message, Map.of("reason", reason));
  }
}

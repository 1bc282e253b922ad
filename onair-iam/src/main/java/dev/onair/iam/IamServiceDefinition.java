package dev.onair.iam;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.ServiceDefinition;
import java.util.List;

/** IAM as the front door sees it: signing name {@code iam}, the Query protocol, API version 2010-05-08. */
public final class IamServiceDefinition {
  public static final String SIGNING_NAME = "iam";
  public static final String XML_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
  public static final String API_VERSION = "2010-05-08";

  private IamServiceDefinition() {}

  public static ServiceDefinition create(IamService service) {
    return new ServiceDefinition(
        SIGNING_NAME,
        List.of(AwsProtocol.AWS_QUERY),
        XML_NAMESPACE,
        API_VERSION,
        null,
        false,
        null,
        IamErrorCode.AccessDenied,
        IamErrorCode.ValidationError,
        IamErrorCode.InvalidAction,
        null,
        ServiceDefinition.index(IamOperations.all(service)));
  }
}

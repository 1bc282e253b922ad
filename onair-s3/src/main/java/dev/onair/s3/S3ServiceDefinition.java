package dev.onair.s3;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.s3.routing.S3Router;
import dev.onair.s3.xml.XmlBuilder;
import java.util.List;

/** What the front door needs to serve S3: signing name {@code s3}, restXml, the router and the operations. */
public final class S3ServiceDefinition {
  public static final String SIGNING_NAME = "s3";
  public static final String API_VERSION = "2006-03-01";

  private S3ServiceDefinition() {}

  public static ServiceDefinition create(S3Service service) {
    return new ServiceDefinition(
        SIGNING_NAME,
        List.of(AwsProtocol.REST_XML),
        XmlBuilder.S3_NAMESPACE,
        API_VERSION,
        null,
        false,
        null,
        S3ErrorCode.ACCESS_DENIED,
        S3ErrorCode.INVALID_ARGUMENT,
        S3ErrorCode.INVALID_URI,
        new S3Router(service.config().hostSuffixes()),
        ServiceDefinition.index(service.operations()));
  }
}

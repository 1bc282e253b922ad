package dev.onair.protocol.xml;

import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ErrorWriter;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import java.util.Map;

/**
 * S3's error document: a bare {@code <Error>} with the code's extra elements (BucketName, Key, RequestTime...)
 * between the message and the request id. HostId has no meaning here, so it repeats the request id the way
 * S3-compatible servers commonly do.
 */
public final class RestXmlErrorWriter implements ErrorWriter {
  @Override
  public HttpResponse write(ServiceDefinition service, AwsServiceException error, String requestId) {
    XmlWriter xml = XmlWriter.document().start("Error");
    xml.element("Code", error.errorCode().code());
    xml.element("Message", error.getMessage());
    for (Map.Entry<String, String> extra : error.orderedExtraFields()) {
      xml.element(extra.getKey(), extra.getValue());
    }
    xml.element("RequestId", requestId);
    xml.element("HostId", requestId);
    xml.end();
    HttpHeaders headers = HttpHeaders.of("Content-Type", "application/xml");
    return new HttpResponse(error.errorCode().httpStatus(), headers, xml.toBytes());
  }
}

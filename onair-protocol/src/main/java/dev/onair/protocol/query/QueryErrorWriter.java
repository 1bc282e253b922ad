package dev.onair.protocol.query;

import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ErrorWriter;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.xml.XmlWriter;
import java.util.Map;

/**
 * awsQuery errors: {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>},
 * RequestId a sibling of Error as IAM and STS send it.
 */
public final class QueryErrorWriter implements ErrorWriter {
  @Override
  public HttpResponse write(ServiceDefinition service, AwsServiceException error, String requestId) {
    XmlWriter xml = XmlWriter.document().start("ErrorResponse", service == null ? null : service.xmlNamespace());
    xml.start("Error");
    xml.element("Type", error.errorCode().isSenderFault() ? "Sender" : "Receiver");
    xml.element("Code", error.errorCode().code());
    xml.element("Message", error.getMessage());
    for (Map.Entry<String, String> extra : error.orderedExtraFields()) {
      xml.element(extra.getKey(), extra.getValue());
    }
    xml.end();
    xml.element("RequestId", requestId);
    xml.end();
    HttpHeaders headers = HttpHeaders.of("Content-Type", "text/xml");
    return new HttpResponse(error.errorCode().httpStatus(), headers, xml.toBytes());
  }
}

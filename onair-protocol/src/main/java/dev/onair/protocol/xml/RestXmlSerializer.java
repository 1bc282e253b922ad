package dev.onair.protocol.xml;

import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ResponseSerializer;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import java.util.Map;

/**
 * restXml output for operations that return a modelled output instead of {@code OperationResult.Raw}: a single
 * structure member becomes the document root (S3's payload shapes, e.g. ListAllMyBucketsResult); lists are
 * written with {@code <member>} items, so services with flattened lists should answer Raw.
 */
public final class RestXmlSerializer implements ResponseSerializer {
  @Override
  public HttpResponse serialize(
      ServiceDefinition service, String operationName, OperationResult.Output output, String requestId) {
    Map<String, Node> members = output.body().members();
    if (members.size() != 1 || !(members.values().iterator().next() instanceof StructNode root)) {
      return new HttpResponse(output.status(), output.headers(), new byte[0]);
    }
    XmlWriter xml = XmlWriter.document().start(members.keySet().iterator().next(), service.xmlNamespace());
    dev.onair.protocol.query.QueryXmlSerializer.writeStructMembers(xml, root);
    xml.end();
    return new HttpResponse(
        output.status(), output.headers().replacing("Content-Type", "application/xml"), xml.toBytes());
  }
}

package dev.onair.protocol.query;

import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ResponseSerializer;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.BlobNode;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import dev.onair.protocol.tree.TimestampNode;
import dev.onair.protocol.xml.XmlWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Writes awsQuery success responses:
 *
 * <pre>{@code
 * <OpResponse xmlns="ns"><OpResult>...</OpResult><ResponseMetadata><RequestId>id</RequestId></ResponseMetadata></OpResponse>
 * }</pre>
 *
 * The Result element appears when the output has members, or when the service lists the operation as always
 * wrapped (a model with a result wrapper but no members, like IAM's UpdateRole).
 */
public final class QueryXmlSerializer implements ResponseSerializer {
  @Override
  public HttpResponse serialize(
      ServiceDefinition service, String operationName, OperationResult.Output output, String requestId) {
    XmlWriter xml = XmlWriter.document().start(operationName + "Response", service.xmlNamespace());
    String result = operationName + "Result";
    if (!output.body().members().isEmpty()) {
      xml.start(result);
      writeMembers(xml, output.body());
      xml.end();
    } else if (service.settings().alwaysWrappedResults().contains(operationName)) {
      xml.empty(result);
    }
    xml.start("ResponseMetadata").element("RequestId", requestId).end();
    xml.end();
    HttpHeaders headers = output.headers().replacing("Content-Type", "text/xml");
    return new HttpResponse(output.status(), headers, xml.toBytes());
  }

  /** Writes a structure's members with Query's list and map conventions; shared with the restXml fallback. */
  public static void writeStructMembers(XmlWriter xml, StructNode struct) {
    writeMembers(xml, struct);
  }

  static void writeMembers(XmlWriter xml, StructNode struct) {
    for (Map.Entry<String, Node> member : struct.members().entrySet()) {
      writeNode(xml, member.getKey(), member.getValue());
    }
  }

  private static void writeNode(XmlWriter xml, String name, Node node) {
    if (node instanceof StructNode struct) {
      xml.start(name);
      writeMembers(xml, struct);
      xml.end();
    } else if (node instanceof ListNode list) {
      xml.start(name);
      for (Node item : list.items()) {
        writeNode(xml, "member", item);
      }
      xml.end();
    } else if (node instanceof MapNode map) {
      xml.start(name);
      for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
        xml.start("entry").element("key", entry.getKey());
        writeNode(xml, "value", entry.getValue());
        xml.end();
      }
      xml.end();
    } else if (node instanceof TimestampNode timestamp) {
      // IAM and STS write whole seconds (2024-01-01T00:00:00Z); SDKs parse fractions too, but match AWS
      xml.element(name, DateTimeFormatter.ISO_INSTANT.format(timestamp.value().truncatedTo(ChronoUnit.SECONDS)));
    } else if (node instanceof BlobNode blob) {
      xml.element(name, blob.asText());
    } else {
      xml.element(name, node.asText());
    }
  }
}

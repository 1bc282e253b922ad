package dev.onair.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.tree.BlobNode;
import dev.onair.protocol.tree.BooleanNode;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import dev.onair.protocol.tree.TimestampNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON or CBOR document (Jackson's streaming API covers both) into the tree. The top level must be an
 * object. Nulls are dropped, since AWS treats a null member as absent. CBOR tag 1 becomes a timestamp and CBOR
 * byte strings become blobs; JSON has neither, and the service's accessors coerce numbers and text instead.
 */
public final class DocumentReader {
  private final JsonFactory factory;

  public DocumentReader(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * @param malformed the code to throw when the bytes are not a document object (SerializationException)
   */
  public StructNode readObject(byte[] body, ErrorCode malformed) {
    if (body.length == 0) {
      return StructNode.EMPTY;
    }
    try (JsonParser parser = factory.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new AwsServiceException(malformed, "Start of structure or map found where not expected.");
      }
      StructNode result = readStruct(parser);
      if (parser.nextToken() != null) {
        throw new AwsServiceException(malformed, "Unexpected content after the request document.");
      }
      return result;
    } catch (IOException | RuntimeException e) {
      if (e instanceof AwsServiceException aws) {
        throw aws;
      }
      // Jackson's messages quote the input; the client gets a fixed text instead
      throw new AwsServiceException(malformed, "The request body could not be parsed.");
    }
  }

  private StructNode readStruct(JsonParser parser) throws IOException {
    Map<String, Node> members = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      Node value = readValue(parser);
      if (value != null) {
        members.put(name, value);
      }
    }
    return new StructNode(members);
  }

  private Node readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("truncated document");
    }
    Node value =
        switch (token) {
          case START_OBJECT -> readStruct(parser);
          case START_ARRAY -> readList(parser);
          case VALUE_STRING -> new StringNode(parser.getText());
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser);
          case VALUE_TRUE -> BooleanNode.TRUE;
          case VALUE_FALSE -> BooleanNode.FALSE;
          case VALUE_NULL -> null;
          case VALUE_EMBEDDED_OBJECT -> new BlobNode(parser.getBinaryValue());
          default -> throw new IOException("unexpected token " + token);
        };
    if (value instanceof NumberNode number && isEpochTag(parser)) {
      return new TimestampNode(epochSeconds(number.value()));
    }
    return value;
  }

  private ListNode readList(JsonParser parser) throws IOException {
    List<Node> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      Node item = readValue(parser);
      if (item != null) {
        items.add(item);
      }
    }
    return new ListNode(items);
  }

  private static NumberNode number(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return new NumberNode(new BigDecimal(parser.getBigIntegerValue()));
    }
    double value = parser.getDoubleValue();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IOException("non-finite number");
    }
    return new NumberNode(parser.getDecimalValue());
  }

  @SuppressWarnings("deprecation")
  private static boolean isEpochTag(JsonParser parser) {
    return parser instanceof CBORParser cbor && cbor.getCurrentTag() == 1;
  }

  static Instant epochSeconds(BigDecimal seconds) {
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }
}

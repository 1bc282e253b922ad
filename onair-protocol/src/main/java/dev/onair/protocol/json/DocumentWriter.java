package dev.onair.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.onair.protocol.TimestampFormat;
import dev.onair.protocol.tree.BlobNode;
import dev.onair.protocol.tree.BooleanNode;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import dev.onair.protocol.tree.TimestampNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Writes the tree as a JSON or CBOR document. Timestamps follow the given format in JSON; in CBOR they are always
 * tag 1 epoch seconds, as rpcv2Cbor requires. Blobs are base64 text in JSON and byte strings in CBOR.
 */
public final class DocumentWriter {
  private final JsonFactory factory;
  private final TimestampFormat timestamps;

  public DocumentWriter(JsonFactory factory, TimestampFormat timestamps) {
    this.factory = factory;
    this.timestamps = timestamps;
  }

  public byte[] write(StructNode document) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      writeNode(generator, document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void writeNode(JsonGenerator generator, Node node) throws IOException {
    if (node instanceof StructNode struct) {
      writeObject(generator, struct.members());
    } else if (node instanceof MapNode map) {
      writeObject(generator, map.entries());
    } else if (node instanceof ListNode list) {
      generator.writeStartArray();
      for (Node item : list.items()) {
        writeNode(generator, item);
      }
      generator.writeEndArray();
    } else if (node instanceof StringNode text) {
      generator.writeString(text.value());
    } else if (node instanceof NumberNode number) {
      writeNumber(generator, number.value());
    } else if (node instanceof BooleanNode bool) {
      generator.writeBoolean(bool.value());
    } else if (node instanceof TimestampNode timestamp) {
      writeTimestamp(generator, timestamp.value());
    } else if (node instanceof BlobNode blob) {
      generator.writeBinary(blob.value());
    }
  }

  private void writeObject(JsonGenerator generator, Map<String, Node> members) throws IOException {
    generator.writeStartObject();
    for (Map.Entry<String, Node> member : members.entrySet()) {
      generator.writeFieldName(member.getKey());
      writeNode(generator, member.getValue());
    }
    generator.writeEndObject();
  }

  private static void writeNumber(JsonGenerator generator, BigDecimal value) throws IOException {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      generator.writeNumber(stripped.toBigIntegerExact());
    } else if (generator instanceof CBORGenerator) {
      // a CBOR decimal fraction (tag 4) is not something the SDKs' rpcv2Cbor decoders read; doubles they do
      generator.writeNumber(value.doubleValue());
    } else {
      generator.writeNumber(stripped.toPlainString());
    }
  }

  private void writeTimestamp(JsonGenerator generator, Instant value) throws IOException {
    BigDecimal seconds = epochSeconds(value);
    if (generator instanceof CBORGenerator cbor) {
      cbor.writeTag(1);
      if (seconds.scale() <= 0) {
        cbor.writeNumber(seconds.longValueExact());
      } else {
        cbor.writeNumber(seconds.doubleValue());
      }
    } else if (timestamps == TimestampFormat.ISO_8601) {
      generator.writeString(new TimestampNode(value).asText());
    } else {
      generator.writeNumber(seconds.toPlainString());
    }
  }

  /** Epoch seconds with millisecond precision at most, as the SDKs write and read them. */
  static BigDecimal epochSeconds(Instant value) {
    BigDecimal seconds = BigDecimal.valueOf(value.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
    return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
  }
}

package dev.onair.protocol.tree;

import java.util.Arrays;
import java.util.Base64;

/** Binary data; base64 text in XML and JSON, a byte string in CBOR. */
public record BlobNode(byte[] value) implements Node {
  public BlobNode {
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public String asText() {
    return Base64.getEncoder().encodeToString(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BlobNode that && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "BlobNode[" + value.length + " bytes]";
  }
}

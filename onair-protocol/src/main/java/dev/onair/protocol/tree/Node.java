package dev.onair.protocol.tree;

/**
 * The protocol-neutral form of an operation's input and output. Parsers build it from form parameters, JSON or
 * CBOR; serialisers write it as Query XML, JSON or CBOR. Services read and write only this, never the wire.
 *
 * <p>The kinds mirror the AWS shape types that serialise differently: a struct and a map are both JSON objects but
 * differ in Query XML ({@code <Name>} elements versus {@code <entry><key/><value/></entry>}); a timestamp is an
 * ISO-8601 string in XML and epoch seconds in awsJson and CBOR.
 */
public sealed interface Node
    permits StructNode, ListNode, MapNode, StringNode, NumberNode, BooleanNode, TimestampNode, BlobNode {

  /** The value as text, the way the Query protocol would carry it; structured kinds return null. */
  String asText();
}

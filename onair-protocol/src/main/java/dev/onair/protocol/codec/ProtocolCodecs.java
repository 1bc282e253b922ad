package dev.onair.protocol.codec;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.cbor.RpcV2CborErrorWriter;
import dev.onair.protocol.cbor.RpcV2CborParser;
import dev.onair.protocol.cbor.RpcV2CborSerializer;
import dev.onair.protocol.json.AwsJsonErrorWriter;
import dev.onair.protocol.json.AwsJsonParser;
import dev.onair.protocol.json.AwsJsonSerializer;
import dev.onair.protocol.query.QueryErrorWriter;
import dev.onair.protocol.query.QueryParser;
import dev.onair.protocol.query.QueryXmlSerializer;
import dev.onair.protocol.restjson.RestJsonErrorWriter;
import dev.onair.protocol.restjson.RestJsonParser;
import dev.onair.protocol.restjson.RestJsonSerializer;
import dev.onair.protocol.xml.RestXmlErrorWriter;
import dev.onair.protocol.xml.RestXmlParser;
import dev.onair.protocol.xml.RestXmlSerializer;
import java.util.EnumMap;
import java.util.Map;

/** One codec per protocol. All parts are stateless, so one shared instance serves every request. */
public final class ProtocolCodecs {
  private static final Map<AwsProtocol, ProtocolCodec> CODECS = new EnumMap<>(AwsProtocol.class);

  static {
    register(new ProtocolCodec(AwsProtocol.AWS_QUERY, new QueryParser(), new QueryXmlSerializer(), new QueryErrorWriter()));
    for (AwsProtocol json : new AwsProtocol[] {AwsProtocol.AWS_JSON_1_0, AwsProtocol.AWS_JSON_1_1}) {
      register(
          new ProtocolCodec(json, new AwsJsonParser(json), new AwsJsonSerializer(json), new AwsJsonErrorWriter(json)));
    }
    register(
        new ProtocolCodec(
            AwsProtocol.REST_JSON_1, new RestJsonParser(), new RestJsonSerializer(), new RestJsonErrorWriter()));
    register(
        new ProtocolCodec(
            AwsProtocol.RPC_V2_CBOR, new RpcV2CborParser(), new RpcV2CborSerializer(), new RpcV2CborErrorWriter()));
    register(
        new ProtocolCodec(AwsProtocol.REST_XML, new RestXmlParser(), new RestXmlSerializer(), new RestXmlErrorWriter()));
  }

  private ProtocolCodecs() {}

  private static void register(ProtocolCodec codec) {
    CODECS.put(codec.protocol(), codec);
  }

  public static ProtocolCodec of(AwsProtocol protocol) {
    return CODECS.get(protocol);
  }
}

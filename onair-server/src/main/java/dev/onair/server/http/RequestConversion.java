package dev.onair.server.http;

import dev.onair.protocol.http.HttpHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Copies Netty's request into the transport-neutral value, keeping path and query undecoded for SigV4. */
final class RequestConversion {
  private RequestConversion() {}

  static dev.onair.protocol.http.HttpRequest convert(Channel channel, HttpMessage message, ByteBuf content) {
    HttpRequest request = (HttpRequest) message;
    String uri = request.uri();
    int question = uri.indexOf('?');
    String rawPath = question < 0 ? uri : uri.substring(0, question);
    String rawQuery = question < 0 ? "" : uri.substring(question + 1);
    if (rawPath.startsWith("http://") || rawPath.startsWith("https://")) {
      // absolute-form request target (proxies): the path starts after the authority
      int slash = rawPath.indexOf('/', rawPath.indexOf("//") + 2);
      rawPath = slash < 0 ? "/" : rawPath.substring(slash);
    }
    if (rawPath.isEmpty()) {
      rawPath = "/";
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    request.headers().forEach(headers::add);
    byte[] body = content == null ? new byte[0] : ByteBufUtil.getBytes(content);
    return new dev.onair.protocol.http.HttpRequest(
        request.method().name(), rawPath, rawQuery, new HttpHeaders(headers), body, remoteAddress(channel), false);
  }

  private static String remoteAddress(Channel channel) {
    SocketAddress address = channel.remoteAddress();
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return "0.0.0.0";
  }

}

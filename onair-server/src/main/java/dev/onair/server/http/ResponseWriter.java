package dev.onair.server.http;

import dev.onair.protocol.http.HttpResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Clock;
import java.util.Map;

/**
 * Writes a response with the headers every AWS response carries: {@code Date} (SDKs correct clock skew from it)
 * and the request id under both the AWS JSON/Query name and S3's name.
 */
final class ResponseWriter {
  private final Clock clock;

  ResponseWriter(Clock clock) {
    this.clock = clock;
  }

  ChannelFuture write(
      ChannelHandlerContext context, HttpResponse response, String requestId, boolean keepAlive, boolean head) {
    FullHttpResponse netty =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(response.status()),
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
    for (Map.Entry<String, String> header : response.headers().entries()) {
      netty.headers().add(header.getKey(), header.getValue());
    }
    if (!netty.headers().contains(HttpHeaderNames.DATE)) {
      netty.headers().set(HttpHeaderNames.DATE, HttpDates.format(clock.instant()));
    }
    if (!netty.headers().contains("x-amzn-RequestId")) {
      netty.headers().set("x-amzn-RequestId", requestId);
    }
    if (!netty.headers().contains("x-amz-request-id")) {
      netty.headers().set("x-amz-request-id", requestId);
    }
    if (!netty.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      netty.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
    }
    if (!keepAlive) {
      netty.headers().set(HttpHeaderNames.CONNECTION, "close");
    }
    return context.writeAndFlush(netty);
  }
}

package dev.onair.server.http;

import dev.onair.protocol.http.HttpResponse;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Netty's aggregator, except that an oversized body is answered with an AWS error in the client's protocol
 * (through the handler) instead of Netty's bare 413.
 */
final class AwsObjectAggregator extends HttpObjectAggregator {
  private final HttpHandler handler;
  private final ResponseWriter writer;
  private final int limit;

  AwsObjectAggregator(int limit, HttpHandler handler, ResponseWriter writer) {
    super(limit);
    this.limit = limit;
    this.handler = handler;
    this.writer = writer;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext context, HttpMessage oversized) {
    String requestId = RequestIds.next();
    HttpResponse response =
        handler.requestTooLarge(RequestConversion.convert(context.channel(), oversized, null), requestId, limit);
    // the unread rest of the body would be taken for the next request, so the connection must end here
    writer.write(context, response, requestId, false, false).addListener(ChannelFutureListener.CLOSE);
  }
}

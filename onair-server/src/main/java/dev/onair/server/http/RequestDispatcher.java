package dev.onair.server.http;

import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each complete request to the worker pool and writes the answer back on the event loop. Reading pauses
 * while a request is in flight, so a pipelining client still gets its answers in order.
 */
final class RequestDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

  private final HttpHandler handler;
  private final Executor workers;
  private final ResponseWriter writer;

  RequestDispatcher(HttpHandler handler, Executor workers, ResponseWriter writer) {
    this.handler = handler;
    this.workers = workers;
    this.writer = writer;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext context, FullHttpRequest message) {
    String requestId = RequestIds.next();
    boolean keepAlive = HttpUtil.isKeepAlive(message);
    boolean head = message.method().name().equals("HEAD");
    if (message.decoderResult().isFailure()) {
      HttpResponse bad = HttpResponse.text(400, "text/plain", "Bad Request");
      writer.write(context, bad, requestId, false, false).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    HttpRequest request = RequestConversion.convert(context.channel(), message, message.content());
    context.channel().config().setAutoRead(false);
    CompletableFuture<HttpResponse> response;
    try {
      response =
          CompletableFuture.supplyAsync(() -> handler.handle(request, requestId), workers)
              .thenCompose(future -> future);
    } catch (RejectedExecutionException e) {
      response = CompletableFuture.completedFuture(handler.overloaded(request, requestId));
    }
    response.whenComplete(
        (result, failure) ->
            context
                .executor()
                .execute(() -> respond(context, request, requestId, result, failure, keepAlive, head)));
  }

  private void respond(
      ChannelHandlerContext context,
      HttpRequest request,
      String requestId,
      HttpResponse result,
      Throwable failure,
      boolean keepAlive,
      boolean head) {
    HttpResponse response = result;
    if (failure != null || response == null) {
      // the handler maps its own failures; reaching here is a bug, and the client gets no detail of it
      LOG.error("request {} failed outside the handler", requestId, failure);
      response = HttpResponse.text(500, "text/plain", "Internal Server Error");
    }
    if (!context.channel().isActive()) {
      return;
    }
    writer
        .write(context, response, requestId, keepAlive, head)
        .addListener(
            future -> {
              if (!keepAlive || !future.isSuccess()) {
                context.close();
              } else {
                context.channel().config().setAutoRead(true);
                context.read();
              }
            });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    // resets and broken pipes are routine; nothing can be answered on this connection any more
    LOG.debug("connection error from {}", context.channel().remoteAddress(), cause);
    context.close();
  }
}

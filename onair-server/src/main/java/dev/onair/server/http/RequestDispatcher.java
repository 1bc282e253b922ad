package dev.onair.server.http;

import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each complete request and writes its answer, one request at a time per connection, so that a pipelining
 * client gets its answers in order (requests decoded while one is in flight wait in a small queue).
 *
 * <p>Where a request runs: a request the handler {@linkplain HttpHandler#answersWithoutBlocking answers without
 * blocking} runs right here on the event loop, and when its answer is complete at once it is written without
 * pausing reads; a one-client round trip then costs no thread wake-up and no epoll_ctl calls. Every other request
 * goes to the bounded worker pool with reading paused, and its answer comes back to the event loop. A worker's
 * failure and an inline failure are answered alike (500, cause only in the log).
 */
final class RequestDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
  /** Pipelined requests one connection may have waiting; more is a flood, not a client, and ends the connection. */
  static final int MAX_QUEUED = 256;

  /** A request and what its answer needs; {@code badRequest} is set for a request the decoder could not read. */
  private record Pending(
      HttpRequest request, String requestId, boolean keepAlive, boolean head, HttpResponse badRequest) {}

  private final HttpHandler handler;
  private final Executor workers;
  private final ResponseWriter writer;
  // per connection, touched only on its event loop
  private final ArrayDeque<Pending> queued = new ArrayDeque<>();
  private boolean busy;
  private boolean paused;

  RequestDispatcher(HttpHandler handler, Executor workers, ResponseWriter writer) {
    this.handler = handler;
    this.workers = workers;
    this.writer = writer;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext context, FullHttpRequest message) {
    String requestId = RequestIds.next();
    Pending pending;
    if (message.decoderResult().isFailure()) {
      pending = new Pending(null, requestId, false, false, HttpResponse.text(400, "text/plain", "Bad Request"));
    } else {
      pending =
          new Pending(
              RequestConversion.convert(context.channel(), message, message.content()),
              requestId,
              HttpUtil.isKeepAlive(message),
              message.method().name().equals("HEAD"),
              null);
    }
    if (busy) {
      // a pipelined request decoded from the same read as the one in flight
      if (queued.size() >= MAX_QUEUED) {
        LOG.debug("{} pipelined more than {} requests; closing", context.channel().remoteAddress(), MAX_QUEUED);
        queued.clear();
        context.close();
        return;
      }
      queued.add(pending);
      pause(context);
      return;
    }
    dispatch(context, pending);
  }

  private void dispatch(ChannelHandlerContext context, Pending pending) {
    busy = true;
    if (pending.badRequest() != null) {
      respond(context, pending, pending.badRequest(), null);
      return;
    }
    CompletableFuture<HttpResponse> response;
    if (inline(pending.request())) {
      try {
        response = InlineRequests.run(() -> handler.handle(pending.request(), pending.requestId()));
      } catch (Throwable failure) { // what a worker's CompletableFuture would have caught
        response = CompletableFuture.failedFuture(failure);
      }
      if (response == null) {
        response = CompletableFuture.failedFuture(new IllegalStateException("handler returned no future"));
      }
    } else {
      pause(context);
      try {
        response =
            CompletableFuture.supplyAsync(() -> handler.handle(pending.request(), pending.requestId()), workers)
                .thenCompose(future -> future);
      } catch (RejectedExecutionException e) {
        response = CompletableFuture.completedFuture(handler.overloaded(pending.request(), pending.requestId()));
      }
    }
    if (!response.isDone()) {
      pause(context);
    }
    response.whenComplete(
        (result, failure) -> {
          if (context.executor().inEventLoop()) {
            respond(context, pending, result, failure);
          } else {
            context.executor().execute(() -> respond(context, pending, result, failure));
          }
        });
  }

  private boolean inline(HttpRequest request) {
    try {
      return handler.answersWithoutBlocking(request);
    } catch (RuntimeException e) {
      LOG.warn("classifying a request failed; it goes to a worker", e);
      return false;
    }
  }

  private void respond(ChannelHandlerContext context, Pending pending, HttpResponse result, Throwable failure) {
    HttpResponse response = result;
    if (failure != null || response == null) {
      // the handler maps its own failures; reaching here is a bug, and the client gets no detail of it
      LOG.error("request {} failed outside the handler", pending.requestId(), failure);
      response = HttpResponse.text(500, "text/plain", "Internal Server Error");
    }
    if (!context.channel().isActive()) {
      queued.clear();
      return;
    }
    ChannelFuture written = writer.write(context, response, pending.requestId(), pending.keepAlive(), pending.head());
    if (written.isDone()) {
      afterWrite(context, pending, written);
    } else {
      // the socket did not take the whole answer: read nothing more until it has (the client may not be reading)
      pause(context);
      written.addListener(future -> afterWrite(context, pending, written));
    }
  }

  private void afterWrite(ChannelHandlerContext context, Pending pending, ChannelFuture written) {
    if (!pending.keepAlive() || !written.isSuccess()) {
      queued.clear();
      context.close();
      return;
    }
    Pending next = queued.poll();
    if (next != null) {
      // a task, not a call: a long pipelined batch of inline requests must not grow the stack
      context.executor().execute(() -> {
        if (context.channel().isActive()) {
          dispatch(context, next);
        }
      });
      return;
    }
    busy = false;
    resume(context);
  }

  private void pause(ChannelHandlerContext context) {
    if (!paused) {
      paused = true;
      context.channel().config().setAutoRead(false);
    }
  }

  private void resume(ChannelHandlerContext context) {
    if (paused) {
      paused = false;
      context.channel().config().setAutoRead(true); // also asks for the next read
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    // resets and broken pipes are routine; nothing can be answered on this connection any more
    LOG.debug("connection error from {}", context.channel().remoteAddress(), cause);
    context.close();
  }
}

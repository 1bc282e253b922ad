package dev.onair.server.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The HTTP pipeline, in order: bytes ↔ HTTP messages, keep-alive, whole requests, then dispatch to workers. */
final class HttpServerInitializer extends ChannelInitializer<SocketChannel> {
  private static final int IDLE_SECONDS = 120;

  private final HttpHandler handler;
  private final Executor workers;
  private final ResponseWriter writer;
  private final int maxRequestBytes;

  HttpServerInitializer(HttpHandler handler, Executor workers, ResponseWriter writer, int maxRequestBytes) {
    this.handler = handler;
    this.workers = workers;
    this.writer = writer;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    // idle keep-alive connections are closed so that a crowd of silent clients cannot hold sockets forever
    pipeline.addLast("idle", new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS));
    pipeline.addLast("idleClose", new IdleCloser());
    pipeline.addLast("codec", new HttpServerCodec());
    pipeline.addLast("keepAlive", new HttpServerKeepAliveHandler());
    pipeline.addLast("aggregator", new AwsObjectAggregator(maxRequestBytes, handler, writer));
    pipeline.addLast("dispatcher", new RequestDispatcher(handler, workers, writer));
  }
}

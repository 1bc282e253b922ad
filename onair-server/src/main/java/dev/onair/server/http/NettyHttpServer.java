package dev.onair.server.http;

import dev.onair.netty.IoTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.NettyRuntime;
import io.netty.util.internal.SystemPropertyUtil;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 listener. The event loops move bytes and answer what the handler says answers without blocking
 * ({@link HttpHandler#answersWithoutBlocking}); every other request runs on the bounded worker pool so that
 * blocking service code (database over the network, policy compilation) can never stall other connections.
 */
public final class NettyHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NettyHttpServer.class);

  /** The event loops serving connections: Netty's default, two per core (io.netty.eventLoopThreads overrides). */
  public static final int EVENT_LOOPS =
      Math.max(1, SystemPropertyUtil.getInt("io.netty.eventLoopThreads", NettyRuntime.availableProcessors() * 2));

  private final String bind;
  private final int port;
  private final int maxRequestBytes;
  private final HttpHandler handler;
  private final ExecutorService workers;
  private final Clock clock;
  private EventLoopGroup boss;
  private EventLoopGroup io;
  private Channel serverChannel;

  public NettyHttpServer(
      String bind, int port, int maxRequestBytes, HttpHandler handler, ExecutorService workers, Clock clock) {
    this.bind = bind;
    this.port = port;
    this.maxRequestBytes = maxRequestBytes;
    this.handler = handler;
    this.workers = workers;
    this.clock = clock;
  }

  /** Binds and returns the bound address (the real port when 0 was asked for). */
  public InetSocketAddress start() throws InterruptedException {
    boss = IoTransport.selected().newGroup(1);
    io = IoTransport.selected().newGroup(EVENT_LOOPS);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, io)
            .channel(IoTransport.selected().serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new HttpServerInitializer(handler, workers, new ResponseWriter(clock), maxRequestBytes));
    serverChannel = bootstrap.bind(bind, port).sync().channel();
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Stops accepting, lets in-flight requests finish (up to a few seconds), then closes every connection. */
  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("requests still running after 10 s; stopping them");
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (io != null) {
      io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (boss != null) {
      boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}

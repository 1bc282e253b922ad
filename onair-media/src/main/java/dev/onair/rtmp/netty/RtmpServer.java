package dev.onair.rtmp.netty;

import dev.onair.netty.IoTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A bound RTMP(S) listener. Closing it stops accepting; connections end with it only when it owns
 * its event loops (the {@code workerThreads} factory), otherwise when the caller shuts them down.
 */
public final class RtmpServer implements AutoCloseable {
  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final boolean ownsGroups;
  private final Channel serverChannel;

  private RtmpServer(EventLoopGroup boss, EventLoopGroup worker, boolean ownsGroups, Channel serverChannel) {
    this.bossGroup = boss;
    this.workerGroup = worker;
    this.ownsGroups = ownsGroups;
    this.serverChannel = serverChannel;
  }

  /** Binds with event loops of its own ({@code workerThreads} 0 = Netty's default). */
  public static RtmpServer start(InetSocketAddress address, RtmpServerInitializer initializer, int workerThreads)
      throws InterruptedException {
    EventLoopGroup boss = IoTransport.selected().newGroup(1);
    EventLoopGroup worker = IoTransport.selected().newGroup(workerThreads);
    try {
      return start(address, initializer, boss, worker, true);
    } catch (RuntimeException | InterruptedException e) {
      boss.shutdownGracefully();
      worker.shutdownGracefully();
      throw e;
    }
  }

  /** Binds on event loops the caller owns (e.g. shared with the HTTP origin). */
  public static RtmpServer start(
      InetSocketAddress address, RtmpServerInitializer initializer, EventLoopGroup boss, EventLoopGroup worker)
      throws InterruptedException {
    return start(address, initializer, boss, worker, false);
  }

  private static RtmpServer start(
      InetSocketAddress address, RtmpServerInitializer initializer, EventLoopGroup boss, EventLoopGroup worker,
      boolean owns) throws InterruptedException {
    Objects.requireNonNull(address, "address is null");
    Channel channel = new ServerBootstrap()
        .group(boss, worker)
        .channel(IoTransport.selected().serverChannel())
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(initializer)
        .bind(address)
        .sync()
        .channel();
    return new RtmpServer(boss, worker, owns, channel);
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  public int port() {
    return localAddress().getPort();
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    if (ownsGroups) {
      bossGroup.shutdownGracefully().syncUninterruptibly();
      workerGroup.shutdownGracefully().syncUninterruptibly();
    }
  }
}

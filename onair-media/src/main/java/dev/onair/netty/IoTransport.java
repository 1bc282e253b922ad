package dev.onair.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The socket transport every listener uses: Linux's native epoll when its library loads, else Java NIO.
 *
 * <p>Why native: on the media path most of an event loop's CPU at a few streams is per-wake-up overhead (selector
 * bookkeeping, the selected-key set, a pipe for cross-thread wake-ups), which the edge-triggered epoll transport
 * does with fewer system calls and no garbage; the API's single-connection round trip shortens for the same
 * reason. NIO stays as the fallback for other platforms, and {@code -Donair.transport=nio} forces it (to compare
 * the two, or if a kernel misbehaves).
 */
public enum IoTransport {
  EPOLL(EpollIoHandler::newFactory, EpollServerSocketChannel.class),
  NIO(NioIoHandler::newFactory, NioServerSocketChannel.class);

  private static final IoTransport SELECTED = select(System.getProperty("onair.transport", "auto"));

  private final Supplier<IoHandlerFactory> handlers;
  private final Class<? extends ServerChannel> serverChannel;

  IoTransport(Supplier<IoHandlerFactory> handlers, Class<? extends ServerChannel> serverChannel) {
    this.handlers = handlers;
    this.serverChannel = serverChannel;
  }

  /** The transport of this process, chosen once. */
  public static IoTransport selected() {
    return SELECTED;
  }

  static IoTransport select(String setting) {
    return switch (setting.toLowerCase(Locale.ROOT)) {
      case "nio" -> NIO;
      case "epoll" -> {
        if (!Epoll.isAvailable()) {
          throw new IllegalStateException("onair.transport=epoll but epoll is unavailable", Epoll.unavailabilityCause());
        }
        yield EPOLL;
      }
      case "auto" -> Epoll.isAvailable() ? EPOLL : NIO;
      default -> throw new IllegalArgumentException("onair.transport must be auto, epoll or nio, not " + setting);
    };
  }

  /** An event loop group of {@code threads} loops (0 = Netty's default, two per core). */
  public EventLoopGroup newGroup(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, handlers.get());
  }

  public Class<? extends ServerChannel> serverChannel() {
    return serverChannel;
  }
}

package dev.onair.rtmp.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;

/**
 * What the kernel knows about a peer's sending, independent of whether this process has read it: the idle timeout
 * must close a peer that went silent, not one whose bytes wait unread because the event loop (or the whole process)
 * was too busy to read them. Native epoll only; elsewhere nothing is known and the caller falls back to its reads.
 */
final class PeerActivity {
  /**
   * getsockopt(SOL_SOCKET, SO_MEMINFO) with room for one int returns the first of its counters, SK_MEMINFO_RMEM_ALLOC:
   * the memory charged for the socket's receive queue, non-zero while received bytes wait unread.
   */
  static final IntegerUnixChannelOption SO_MEMINFO_RMEM_ALLOC = new IntegerUnixChannelOption("SO_MEMINFO", 1, 55);

  private PeerActivity() {}

  /** The peer's state as the kernel sees it; {@code unknown} when the transport cannot tell (NIO). */
  record Facts(boolean known, long millisSinceDataArrived, long unreadCharge) {
    static final Facts UNKNOWN = new Facts(false, -1, -1);

    /**
     * Received bytes wait unread, or data arrived within the last half of {@code idleMillis}: the silence is ours,
     * not the peer's. Half, because a peer that went silent right after its last read shows about the full idle
     * time (less the kernel clock's granularity) when the timer fires, and must still be closed then.
     */
    boolean stillSending(long idleMillis) {
      return known && (unreadCharge > 0 || millisSinceDataArrived < idleMillis / 2);
    }
  }

  static Facts of(Channel channel) {
    if (!(channel instanceof EpollSocketChannel epoll) || !epoll.isOpen()) {
      return Facts.UNKNOWN;
    }
    try {
      long sinceData = epoll.tcpInfo().lastDataRecv();
      int unread = epoll.config().getOption(SO_MEMINFO_RMEM_ALLOC);
      return new Facts(true, sinceData, unread);
    } catch (ChannelException e) {
      return Facts.UNKNOWN;
    }
  }
}

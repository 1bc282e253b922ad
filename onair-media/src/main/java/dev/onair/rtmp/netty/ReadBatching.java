package dev.onair.rtmp.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.time.Duration;
import java.util.function.IntPredicate;

/**
 * Lets a publishing connection's reads wait for {@code batch} worth of its own media: the socket's receive low-water
 * mark (SO_RCVLOWAT) is set to the bytes the publish sends in that time, measured over the last second. An encoder
 * writes each frame as it is due (ffmpeg: ~77 writes a second for 30 fps video and 48 kHz AAC), so without it every
 * frame costs the event loop a wake-up, an epoll_wait and a read, which is most of what a stream costs when streams
 * are few (docs/BENCHMARKS.md, "Media CPU at 10 streams: per-frame path (session 4)"). With 50 ms a 3 Mbps stream
 * wakes the loop ~20 times a second; the media is that much later into its part, far inside LL-HLS's part target.
 *
 * <p>Only while publishing: the handshake and the command exchange are small messages that need answers, so the mark
 * is 1 byte (the default) until media flows and again after it stops. The mark is re-measured only after a read, so
 * when the bit rate drops, bytes wait until a mark's worth has arrived (at one hundredth of the rate, 5 s: the idle
 * timeout) and the next re-measure lowers it; a peer's close or reset wakes the loop whatever the mark.
 * Native epoll only (NIO has no such option; the call is then a no-op).
 */
final class ReadBatching {
  /** setsockopt(SOL_SOCKET, SO_RCVLOWAT): Linux values. */
  static final ChannelOption<Integer> SO_RCVLOWAT = new IntegerUnixChannelOption("SO_RCVLOWAT", 1, 18);
  /** Bounded well below the default receive buffer, so the sender's window never closes on us. */
  static final int MAX_MARK = 32 * 1024;
  private static final long SECOND_NANOS = 1_000_000_000L;

  private final IntPredicate setMark;
  private final long batchNanos;
  private long windowStart = Long.MIN_VALUE;
  private long bytes;
  private int mark = 1;
  private boolean unsupported;

  ReadBatching(Channel channel, Duration batch) {
    this(mark -> setOption(channel, mark), batch);
  }

  /** @param setMark applies a mark, false when the socket has no such option */
  ReadBatching(IntPredicate setMark, Duration batch) {
    this.setMark = setMark;
    this.batchNanos = batch.toNanos();
  }

  private static boolean setOption(Channel channel, int mark) {
    try {
      return channel.config().setOption(SO_RCVLOWAT, mark);
    } catch (ChannelException e) {
      return false; // the socket refused it (not TCP, or closing): reads stay one per arrival
    }
  }

  /** Media bytes received (audio and video payloads). */
  void media(int count) {
    bytes += count;
  }

  /** After a read: once a second, while publishing, follows the measured rate; otherwise back to 1 byte. */
  void readComplete(boolean publishing, long nowNanos) {
    if (unsupported || batchNanos <= 0) {
      return;
    }
    if (!publishing) {
      bytes = 0;
      windowStart = Long.MIN_VALUE;
      apply(1);
      return;
    }
    if (windowStart == Long.MIN_VALUE) {
      windowStart = nowNanos;
      bytes = 0;
      return;
    }
    long elapsed = nowNanos - windowStart;
    if (elapsed < SECOND_NANOS) {
      return;
    }
    long target = (long) ((double) bytes * batchNanos / elapsed);
    windowStart = nowNanos;
    bytes = 0;
    int next = (int) Math.max(1, Math.min(MAX_MARK, target));
    // Small changes are not worth a system call.
    if (Math.abs(next - mark) * 4 > mark || next == 1) {
      apply(next);
    }
  }

  int mark() {
    return mark;
  }

  private void apply(int next) {
    if (next == mark) {
      return;
    }
    if (setMark.test(next)) {
      mark = next;
    } else {
      unsupported = true;
    }
  }
}

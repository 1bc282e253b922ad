package dev.onair.rtmp.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;

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
 * on its own a drop in bit rate (a static scene under VBR/CRF, video paused, an encoder throttling) holds the bytes
 * below the mark until a mark's worth arrives: 1.9-2.5 s measured for a 200-fold drop on loopback (the kernel woke
 * the reader before a mark's worth was in, probably on receive-memory pressure from the small segments), and by
 * arithmetic up to the 5 s idle timeout.
 * Hence the stall bound: while the mark is above 1 byte a check runs on the channel's event loop every {@code check}
 * (one periodic task per batching connection, cancelled when the mark is back at 1), and when no read has completed
 * for 2 × batch it puts the mark back to 1 byte; setting the option wakes the loop at once if anything is waiting
 * (tcp_set_rcvlowat re-tests readiness), and the next second's measurement raises it again if the rate came back.
 * So no byte waits in the kernel more than 2 × batch + check beyond arriving (200 ms with the defaults: 50 ms
 * batches checked every 100 ms; ReadBatchingStallIntegrationTest measures it). A peer's close or reset wakes the
 * loop whatever the mark. Native epoll only (NIO has no such option; setting it then fails once and batching stays
 * off).
 */
final class ReadBatching {
  /** setsockopt(SOL_SOCKET, SO_RCVLOWAT): Linux values. */
  static final IntegerUnixChannelOption SO_RCVLOWAT = new IntegerUnixChannelOption("SO_RCVLOWAT", 1, 18);
  /** Bounded well below the default receive buffer, so the sender's window never closes on us. */
  static final int MAX_MARK = 32 * 1024;
  private static final long SECOND_NANOS = 1_000_000_000L;

  /** Runs the stall check every period on the connection's event loop; the returned future cancels it. */
  interface Ticker {
    Future<?> every(long periodNanos, Runnable check);
  }

  private final IntPredicate setMark;
  private final Ticker ticker;
  private final LongSupplier clock;
  private final long batchNanos;
  private final long stallNanos;
  private final long checkNanos;
  private long windowStart = Long.MIN_VALUE;
  private long lastRead;
  private long bytes;
  private int mark = 1;
  private boolean unsupported;
  private Future<?> checks;
  private long stallDrops;

  ReadBatching(Channel channel, Duration batch, Duration check) {
    this(mark -> setOption(channel, mark), (period, task) -> channel.eventLoop().scheduleAtFixedRate(task, period,
        period, TimeUnit.NANOSECONDS), System::nanoTime, batch, check);
  }

  /**
   * @param setMark applies a mark, false when the socket has no such option
   * @param clock the time the checks compare with readComplete's (nanoseconds)
   * @param check how often the stall bound is checked while the mark is above 1 byte; zero never checks
   */
  ReadBatching(IntPredicate setMark, Ticker ticker, LongSupplier clock, Duration batch, Duration check) {
    this.setMark = setMark;
    this.ticker = ticker;
    this.clock = clock;
    this.batchNanos = batch.toNanos();
    this.stallNanos = 2 * batchNanos;
    this.checkNanos = check.toNanos();
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
    lastRead = nowNanos;
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

  /** The periodic check: no read for the stall bound while batching puts the mark back to 1 byte. */
  void check(long nowNanos) {
    if (mark > 1 && nowNanos - lastRead >= stallNanos) {
      stallDrops++;
      apply(1);
    }
  }

  /**
   * Back to one read per arrival, and a fresh readiness check now even if the mark is already 1 byte (setting the
   * option makes the kernel re-test it and wake the loop when anything is waiting): for when the idle timer finds
   * bytes arrived but unread. The next measurement raises the mark again.
   */
  void kick() {
    if (unsupported) {
      return;
    }
    if (mark > 1) {
      apply(1);
    } else if (!setMark.test(1)) {
      unsupported = true; // also with batching off: the re-test is what matters here
    }
  }

  /** The connection is gone: no more checks. */
  void close() {
    stopChecks();
  }

  int mark() {
    return mark;
  }

  /** Times the stall bound lowered the mark (diagnostics, tests). */
  long stallDrops() {
    return stallDrops;
  }

  boolean checking() {
    return checks != null;
  }

  private void apply(int next) {
    if (next == mark || unsupported) {
      return;
    }
    if (setMark.test(next)) {
      mark = next;
    } else {
      unsupported = true;
    }
    if (mark > 1 && checks == null && checkNanos > 0) {
      checks = ticker.every(checkNanos, () -> check(clock.getAsLong()));
    } else if (mark == 1) {
      stopChecks();
    }
  }

  private void stopChecks() {
    if (checks != null) {
      checks.cancel(false);
      checks = null;
    }
  }
}

package dev.onair.server.frontdoor;

import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Logback appender for the per-call lines of {@code onair.api}: writes to standard error through a buffer that is
 * flushed when full and every {@code flushMillis} (default 100 ms), instead of one {@code write(2)} per line.
 *
 * <p>Why: a ConsoleAppender line costs a system call per API call (System.err flushes on every write), about a
 * quarter of what a signed GetCallerIdentity costs on top of the unsigned no-op. The price is that a line appears
 * up to {@code flushMillis} late and a SIGKILL loses at most that much of it; an orderly stop flushes. The buffer is
 * at most 4 KiB (PIPE_BUF on Linux), so one flush is one atomic write on a pipe and never interleaves with a line
 * that another appender writes to the same descriptor.
 */
public final class BufferedStderrAppender<E> extends OutputStreamAppender<E> {
  static final int BUFFER_BYTES = 4096;
  private static final Set<BufferedStderrAppender<?>> STARTED = new CopyOnWriteArraySet<>();
  private final OutputStream target;
  private long flushMillis = 100;
  private ScheduledExecutorService flusher;

  public BufferedStderrAppender() {
    this(new FileOutputStream(FileDescriptor.err));
  }

  /** Writes to {@code target} instead of standard error (tests). */
  BufferedStderrAppender(OutputStream target) {
    this.target = target;
  }

  public void setFlushMillis(long flushMillis) {
    this.flushMillis = flushMillis;
  }

  @Override
  public void start() {
    setImmediateFlush(false);
    setOutputStream(new BufferedOutputStream(new NonClosing(target), BUFFER_BYTES));
    super.start();
    if (!isStarted()) {
      return;
    }
    flusher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "onair-api-log-flush");
              thread.setDaemon(true);
              return thread;
            });
    flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    STARTED.add(this);
  }

  /** Writes every started instance's buffer now: the last step of an orderly stop (the JVM halts right after). */
  public static void flushAll() {
    STARTED.forEach(BufferedStderrAppender::flush);
  }

  @Override
  public void stop() {
    STARTED.remove(this);
    if (flusher != null) {
      flusher.shutdownNow();
      flusher = null;
    }
    flush();
    super.stop();
  }

  /** Writes what is buffered; under the appender's own lock, so never in the middle of a line being appended. */
  void flush() {
    streamWriteLock.lock();
    try {
      OutputStream out = getOutputStream();
      if (out != null) {
        out.flush();
      }
    } catch (IOException e) {
      addError("could not flush the API call log", e);
    } finally {
      streamWriteLock.unlock();
    }
  }

  /** Standard error outlives this appender: closing the appender must not close file descriptor 2. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

package dev.onair.server.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.encoder.EchoEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferedStderrAppenderTest {
  /** Records each write(2)-like call separately, and whether it was closed. */
  static final class Target extends ByteArrayOutputStream {
    final List<String> writes = new ArrayList<>();
    boolean closed;

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      super.write(bytes, offset, length);
      writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
      closed = true;
    }

    synchronized String text() {
      return toString(StandardCharsets.UTF_8);
    }
  }

  private static BufferedStderrAppender<Object> started(Target target, long flushMillis) {
    BufferedStderrAppender<Object> appender = new BufferedStderrAppender<>(target);
    appender.setContext(new ContextBase());
    appender.setEncoder(new EchoEncoder<>());
    appender.setFlushMillis(flushMillis);
    appender.start();
    assertThat(appender.isStarted()).isTrue();
    return appender;
  }

  @Test
  void append_buffersLinesUntilFlushed_thenWritesThemInOneCall() {
    Target target = new Target();
    BufferedStderrAppender<Object> appender = started(target, 60_000);
    try {
      appender.doAppend("{\"a\":1}");
      appender.doAppend("{\"a\":2}");
      assertThat(target.text()).isEmpty();

      BufferedStderrAppender.flushAll();

      assertThat(target.text()).isEqualTo("{\"a\":1}\n{\"a\":2}\n");
      assertThat(target.writes).hasSize(1);
    } finally {
      appender.stop();
    }
  }

  @Test
  void append_fullBuffer_writesWholeLinesOnlyAndNeverMoreThanPipeBuf() {
    Target target = new Target();
    BufferedStderrAppender<Object> appender = started(target, 60_000);
    String line = "x".repeat(99);
    try {
      for (int i = 0; i < 200; i++) {
        appender.doAppend(line);
      }
    } finally {
      appender.stop();
    }
    assertThat(target.text()).isEqualTo((line + "\n").repeat(200));
    for (String write : target.writes) {
      assertThat(write.length()).isLessThanOrEqualTo(BufferedStderrAppender.BUFFER_BYTES);
      assertThat(write).endsWith("\n").doesNotStartWith("\n");
    }
  }

  @Test
  void stop_flushesAndLeavesTheTargetOpen() {
    Target target = new Target();
    BufferedStderrAppender<Object> appender = started(target, 60_000);
    appender.doAppend("last");

    appender.stop();

    assertThat(target.text()).isEqualTo("last\n");
    assertThat(target.closed).isFalse();
  }

  @Test
  void append_isFlushedByTheTimerWithoutAnyOtherCall() throws InterruptedException {
    Target target = new Target();
    BufferedStderrAppender<Object> appender = started(target, 20);
    try {
      appender.doAppend("timed");
      for (int attempt = 0; attempt < 200 && target.text().isEmpty(); attempt++) {
        Thread.sleep(25);
      }
      assertThat(target.text()).isEqualTo("timed\n");
    } finally {
      appender.stop();
    }
  }
}

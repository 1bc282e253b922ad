package dev.onair.rtmp.session;

import dev.onair.rtmp.message.RtmpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The connection side of a session under test: records what the session sends and whether it asked to close.
 * Offloaded work runs inline, as {@link SessionTransport}'s default does, or, when deferred, waits in
 * {@link #pending} until the test runs it, as the blocking pool and the event loop would later.
 */
final class FakeTransport implements SessionTransport {
  final List<RtmpMessage> sent = new ArrayList<>();
  final List<Runnable> pending = new ArrayList<>();
  boolean closed;
  private final boolean deferOffload;

  private FakeTransport(boolean deferOffload) {
    this.deferOffload = deferOffload;
  }

  static FakeTransport inline() {
    return new FakeTransport(false);
  }

  static FakeTransport deferred() {
    return new FakeTransport(true);
  }

  @Override
  public void send(RtmpMessage message) {
    sent.add(message);
  }

  @Override
  public void closeAfterFlush() {
    closed = true;
  }

  @Override
  public String remoteAddress() {
    return "/127.0.0.1:5000";
  }

  @Override
  public <T> void offload(Supplier<T> work, Consumer<T> then) {
    if (deferOffload) {
      pending.add(() -> then.accept(work.get()));
    } else {
      then.accept(work.get());
    }
  }
}

package dev.onair.rtmp.session;

import dev.onair.rtmp.message.RtmpMessage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** How the session talks back to its connection; the Netty handler implements it. */
public interface SessionTransport {
  void send(RtmpMessage message);

  /** Closes once everything sent so far has been written, so the final status reaches the peer. */
  void closeAfterFlush();

  String remoteAddress();

  /**
   * Runs blocking {@code work} (it must not throw) away from the I/O thread, then {@code then} with its result back
   * on the I/O thread; the connection reads nothing in between. Inline by default (tests, plain objects).
   */
  default <T> void offload(Supplier<T> work, Consumer<T> then) {
    then.accept(work.get());
  }
}

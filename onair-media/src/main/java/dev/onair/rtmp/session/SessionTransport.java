package dev.onair.rtmp.session;

import dev.onair.rtmp.message.RtmpMessage;

/** How the session talks back to its connection; the Netty handler implements it. */
public interface SessionTransport {
  void send(RtmpMessage message);

  /** Closes once everything sent so far has been written, so the final status reaches the peer. */
  void closeAfterFlush();

  String remoteAddress();
}

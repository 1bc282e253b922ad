package dev.onair.rtmp.session;

/**
 * Decides whether a publish may start, when the client sends {@code publish}. Runs on the executor the server
 * was given for blocking work (a database lookup is fine), or on the connection's I/O thread without one.
 */
@FunctionalInterface
public interface PublishAuthorizer {
  /**
   * @param app the RTMP application from {@code connect} (for {@code rtmp://host/app/KEY}: "app")
   * @param streamKey the publish name with any {@code ?query} removed
   */
  PublishDecision authorize(String app, String streamKey);
}

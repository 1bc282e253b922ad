package dev.onair.rtmp.session;

/**
 * Decides whether a publish may start. Called on the connection's I/O thread when the client
 * sends {@code publish}, so implementations must answer quickly (an in-memory lookup, not a
 * remote call).
 */
@FunctionalInterface
public interface PublishAuthorizer {
  /**
   * @param app the RTMP application from {@code connect} (for {@code rtmp://host/app/KEY}: "app")
   * @param streamKey the publish name with any {@code ?query} removed
   */
  PublishDecision authorize(String app, String streamKey);
}

package dev.onair.rtmp.session;

/** Creates the consumer for an authorised publish. */
@FunctionalInterface
public interface MediaSinkFactory {
  /**
   * Called once per accepted publish, on the same thread as the {@link PublishAuthorizer}; the sink is then fed
   * on the connection's I/O thread. Throwing refuses the
   * publish with an error status (used for "channel already live").
   */
  MediaSink create(PublishRequest request, PublisherHandle handle);
}

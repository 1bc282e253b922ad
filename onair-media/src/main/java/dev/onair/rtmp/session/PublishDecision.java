package dev.onair.rtmp.session;

/** The authorizer's verdict. A refusal reaches the encoder as {@code NetStream.Publish.BadName}. */
public sealed interface PublishDecision {

  /**
   * @param attachment opaque value handed to {@link MediaSinkFactory} via {@link PublishRequest},
   *     so the composition root can pass e.g. the resolved channel without a second lookup
   */
  record Accepted(Object attachment) implements PublishDecision {}

  /** @param description human-readable reason sent in the status object */
  record Refused(String description) implements PublishDecision {}

  static PublishDecision accept() {
    return new Accepted(null);
  }

  static PublishDecision accept(Object attachment) {
    return new Accepted(attachment);
  }

  static PublishDecision refuse(String description) {
    return new Refused(description);
  }
}

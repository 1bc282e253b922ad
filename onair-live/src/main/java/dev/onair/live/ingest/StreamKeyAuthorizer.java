package dev.onair.live.ingest;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.port.ChannelRepository;
import dev.onair.ivs.port.StreamKeyRepository;
import dev.onair.protocol.Secret;
import dev.onair.rtmp.session.PublishAuthorizer;
import dev.onair.rtmp.session.PublishDecision;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Admits a publisher whose publish name is a stream key of an existing channel. One instance per listener: the
 * plain RTMP one admits only channels with {@code insecureIngest}, as IVS does; the RTMPS one admits every channel.
 *
 * <p>Refusal reasons are deliberately the same text for a wrong and a deleted key, so the reply does not tell a
 * guesser which keys once existed. The key itself never reaches a log or a reason.
 */
public final class StreamKeyAuthorizer implements PublishAuthorizer {
  static final String INVALID_KEY = "invalid stream key";
  static final String INSECURE_REFUSED = "RTMP ingest is off for this channel (insecureIngest is false); use RTMPS";
  static final String ALREADY_LIVE = "channel is already live";

  private final StreamKeyRepository keys;
  private final ChannelRepository channels;
  private final Predicate<String> isLive;
  private final boolean secure;

  /**
   * @param isLive whether a channel ARN has a broadcast now; a second publisher is refused so the first keeps
   *     streaming
   * @param secure whether this listener is RTMPS
   */
  public StreamKeyAuthorizer(
      StreamKeyRepository keys, ChannelRepository channels, Predicate<String> isLive, boolean secure) {
    this.keys = requireNonNull(keys, "keys is null");
    this.channels = requireNonNull(channels, "channels is null");
    this.isLive = requireNonNull(isLive, "isLive is null");
    this.secure = secure;
  }

  @Override
  public PublishDecision authorize(String app, String streamKey) {
    if (streamKey == null || streamKey.isEmpty() || streamKey.length() > 256) {
      return PublishDecision.refuse(INVALID_KEY);
    }
    Optional<StreamKey> found = keys.findByValue(Secret.of(streamKey));
    // The repository finds by a derived lookup; comparing the decrypted value again in constant time means a
    // lookup collision or a lenient index can never admit a wrong key.
    if (found.isEmpty() || !found.get().value().matches(streamKey)) {
      return PublishDecision.refuse(INVALID_KEY);
    }
    Optional<Channel> channel = channels.find(found.get().channelArn());
    if (channel.isEmpty()) {
      return PublishDecision.refuse(INVALID_KEY);
    }
    if (!secure && !channel.get().insecureIngest()) {
      return PublishDecision.refuse(INSECURE_REFUSED);
    }
    if (isLive.test(channel.get().arn())) {
      return PublishDecision.refuse(ALREADY_LIVE);
    }
    return PublishDecision.accept(new IngestTicket(channel.get(), found.get().arn(), secure));
  }
}

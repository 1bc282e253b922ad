package dev.onair.ivs.port;

import dev.onair.ivs.model.StreamKey;
import dev.onair.protocol.Secret;
import java.util.List;
import java.util.Optional;

/** Stored stream keys. Implementations keep the value encrypted at rest and never log it. */
public interface StreamKeyRepository {
  void create(StreamKey streamKey);

  /**
   * Creates the key only while the channel has fewer than {@code limit} keys, deciding it atomically so that two
   * nodes sharing a database cannot both add the channel's last allowed key.
   *
   * @return false, creating nothing, when the channel is full or no longer exists
   */
  default boolean createWithinLimit(StreamKey streamKey, long limit) {
    if (countByChannel(streamKey.channelArn()) >= limit) {
      return false;
    }
    create(streamKey);
    return true;
  }

  Optional<StreamKey> find(String arn);

  /** The key whose value is this secret: how RTMP ingest authenticates a broadcaster. */
  Optional<StreamKey> findByValue(Secret value);

  List<StreamKey> findByChannel(String channelArn);

  List<StreamKey> page(String channelArn, String afterArn, int limit);

  long countByChannel(String channelArn);

  boolean delete(String arn);
}

package dev.onair.ivs.port;

import dev.onair.ivs.model.StreamKey;
import dev.onair.protocol.Secret;
import java.util.List;
import java.util.Optional;

/** Stored stream keys. Implementations keep the value encrypted at rest and never log it. */
public interface StreamKeyRepository {
  void create(StreamKey streamKey);

  Optional<StreamKey> find(String arn);

  /** The key whose value is this secret: how RTMP ingest authenticates a broadcaster. */
  Optional<StreamKey> findByValue(Secret value);

  List<StreamKey> findByChannel(String channelArn);

  List<StreamKey> page(String channelArn, String afterArn, int limit);

  long countByChannel(String channelArn);

  boolean delete(String arn);
}

package dev.onair.ivs.port;

import dev.onair.ivs.model.PlaybackKeyPair;
import java.util.List;
import java.util.Optional;

public interface PlaybackKeyPairRepository {
  void create(PlaybackKeyPair keyPair);

  Optional<PlaybackKeyPair> find(String arn);

  Optional<PlaybackKeyPair> findByFingerprint(String accountId, String region, String fingerprint);

  boolean delete(String arn);

  List<PlaybackKeyPair> page(String accountId, String region, String afterArn, int limit);

  long count(String accountId, String region);
}

package dev.onair.ivs.port;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.PlaybackKeyPair;
import java.util.List;
import java.util.Optional;

public interface PlaybackKeyPairRepository {
  void create(PlaybackKeyPair keyPair);

  /**
   * Creates it only while its account and region hold fewer than {@code limit} of them, decided atomically (two
   * nodes racing for the last slot: one wins).
   *
   * @return false, creating nothing, when the quota is used up
   */
  default boolean createWithinLimit(PlaybackKeyPair keyPair, long limit) {
    IvsArn scope = IvsArn.parse(keyPair.arn()).orElseThrow();
    if (count(scope.accountId(), scope.region()) >= limit) {
      return false;
    }
    create(keyPair);
    return true;
  }

  Optional<PlaybackKeyPair> find(String arn);

  Optional<PlaybackKeyPair> findByFingerprint(String accountId, String region, String fingerprint);

  boolean delete(String arn);

  List<PlaybackKeyPair> page(String accountId, String region, String afterArn, int limit);

  /** How many exist in the account and region, as the quota sees it. */
  long count(String accountId, String region);
}

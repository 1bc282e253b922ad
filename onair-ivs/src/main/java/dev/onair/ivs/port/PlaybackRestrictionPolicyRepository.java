package dev.onair.ivs.port;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import java.util.List;
import java.util.Optional;

public interface PlaybackRestrictionPolicyRepository {
  void create(PlaybackRestrictionPolicy policy);

  /**
   * Creates it only while its account and region hold fewer than {@code limit} of them, decided atomically (two
   * nodes racing for the last slot: one wins).
   *
   * @return false, creating nothing, when the quota is used up
   */
  default boolean createWithinLimit(PlaybackRestrictionPolicy policy, long limit) {
    IvsArn scope = IvsArn.parse(policy.arn()).orElseThrow();
    if (count(scope.accountId(), scope.region()) >= limit) {
      return false;
    }
    create(policy);
    return true;
  }

  boolean update(PlaybackRestrictionPolicy policy);

  Optional<PlaybackRestrictionPolicy> find(String arn);

  boolean delete(String arn);

  List<PlaybackRestrictionPolicy> page(String accountId, String region, String afterArn, int limit);

  /** How many exist in the account and region, as the quota sees it. */
  long count(String accountId, String region);
}

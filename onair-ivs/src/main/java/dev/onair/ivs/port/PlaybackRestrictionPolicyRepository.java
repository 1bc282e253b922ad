package dev.onair.ivs.port;

import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import java.util.List;
import java.util.Optional;

public interface PlaybackRestrictionPolicyRepository {
  void create(PlaybackRestrictionPolicy policy);

  boolean update(PlaybackRestrictionPolicy policy);

  Optional<PlaybackRestrictionPolicy> find(String arn);

  boolean delete(String arn);

  List<PlaybackRestrictionPolicy> page(String accountId, String region, String afterArn, int limit);

  long count(String accountId, String region);
}

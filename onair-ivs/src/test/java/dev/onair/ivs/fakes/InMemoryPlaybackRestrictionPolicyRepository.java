package dev.onair.ivs.fakes;

import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import dev.onair.ivs.port.PlaybackRestrictionPolicyRepository;
import java.util.List;
import java.util.Optional;

public final class InMemoryPlaybackRestrictionPolicyRepository implements PlaybackRestrictionPolicyRepository {
  private final ArnStore<PlaybackRestrictionPolicy> store = new ArnStore<>(PlaybackRestrictionPolicy::arn);

  @Override
  public void create(PlaybackRestrictionPolicy policy) {
    store.insert(policy);
  }

  @Override
  public boolean update(PlaybackRestrictionPolicy policy) {
    return store.replace(policy);
  }

  @Override
  public Optional<PlaybackRestrictionPolicy> find(String arn) {
    return store.find(arn);
  }

  @Override
  public boolean delete(String arn) {
    return store.delete(arn);
  }

  @Override
  public List<PlaybackRestrictionPolicy> page(String accountId, String region, String afterArn, int limit) {
    return store.page(store.inScope(accountId, region), afterArn, limit);
  }

  @Override
  public long count(String accountId, String region) {
    return store.count(store.inScope(accountId, region));
  }
}

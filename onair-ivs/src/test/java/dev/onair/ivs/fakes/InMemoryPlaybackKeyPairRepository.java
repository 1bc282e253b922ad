package dev.onair.ivs.fakes;

import dev.onair.ivs.model.PlaybackKeyPair;
import dev.onair.ivs.port.PlaybackKeyPairRepository;
import java.util.List;
import java.util.Optional;

public final class InMemoryPlaybackKeyPairRepository implements PlaybackKeyPairRepository {
  private final ArnStore<PlaybackKeyPair> store = new ArnStore<>(PlaybackKeyPair::arn);

  @Override
  public void create(PlaybackKeyPair keyPair) {
    store.insert(keyPair);
  }

  @Override
  public Optional<PlaybackKeyPair> find(String arn) {
    return store.find(arn);
  }

  @Override
  public Optional<PlaybackKeyPair> findByFingerprint(String accountId, String region, String fingerprint) {
    return store.page(store.inScope(accountId, region).and(k -> k.fingerprint().equals(fingerprint)), null, 1)
        .stream().findFirst();
  }

  @Override
  public boolean delete(String arn) {
    return store.delete(arn);
  }

  @Override
  public List<PlaybackKeyPair> page(String accountId, String region, String afterArn, int limit) {
    return store.page(store.inScope(accountId, region), afterArn, limit);
  }

  @Override
  public long count(String accountId, String region) {
    return store.count(store.inScope(accountId, region));
  }
}

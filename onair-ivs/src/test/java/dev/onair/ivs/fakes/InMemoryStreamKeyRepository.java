package dev.onair.ivs.fakes;

import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.port.StreamKeyRepository;
import dev.onair.protocol.Secret;
import java.util.List;
import java.util.Optional;

public final class InMemoryStreamKeyRepository implements StreamKeyRepository {
  private final ArnStore<StreamKey> store = new ArnStore<>(StreamKey::arn);

  @Override
  public void create(StreamKey streamKey) {
    store.insert(streamKey);
  }

  @Override
  public Optional<StreamKey> find(String arn) {
    return store.find(arn);
  }

  @Override
  public Optional<StreamKey> findByValue(Secret value) {
    return store.rows.values().stream().filter(key -> key.value().equals(value)).findFirst();
  }

  @Override
  public List<StreamKey> findByChannel(String channelArn) {
    return store.page(key -> key.channelArn().equals(channelArn), null, Integer.MAX_VALUE);
  }

  @Override
  public List<StreamKey> page(String channelArn, String afterArn, int limit) {
    return store.page(key -> key.channelArn().equals(channelArn), afterArn, limit);
  }

  @Override
  public long countByChannel(String channelArn) {
    return store.count(key -> key.channelArn().equals(channelArn));
  }

  @Override
  public boolean delete(String arn) {
    return store.delete(arn);
  }
}

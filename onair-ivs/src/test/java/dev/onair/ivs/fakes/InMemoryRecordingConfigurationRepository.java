package dev.onair.ivs.fakes;

import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.RecordingConfigurationState;
import dev.onair.ivs.port.RecordingConfigurationRepository;
import java.util.List;
import java.util.Optional;

public final class InMemoryRecordingConfigurationRepository implements RecordingConfigurationRepository {
  private final ArnStore<RecordingConfiguration> store = new ArnStore<>(RecordingConfiguration::arn);

  @Override
  public void create(RecordingConfiguration configuration) {
    store.insert(configuration);
  }

  @Override
  public Optional<RecordingConfiguration> find(String arn) {
    return store.find(arn);
  }

  @Override
  public boolean updateState(String arn, RecordingConfigurationState state) {
    return store.find(arn).map(current -> store.replace(current.withState(state))).orElse(false);
  }

  @Override
  public boolean delete(String arn) {
    return store.delete(arn);
  }

  @Override
  public List<RecordingConfiguration> page(String accountId, String region, String afterArn, int limit) {
    return store.page(store.inScope(accountId, region), afterArn, limit);
  }

  @Override
  public long count(String accountId, String region) {
    return store.count(store.inScope(accountId, region));
  }
}

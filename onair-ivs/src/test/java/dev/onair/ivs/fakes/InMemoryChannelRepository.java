package dev.onair.ivs.fakes;

import dev.onair.ivs.model.Channel;
import dev.onair.ivs.port.ChannelFilter;
import dev.onair.ivs.port.ChannelRepository;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

public final class InMemoryChannelRepository implements ChannelRepository {
  private final ArnStore<Channel> store = new ArnStore<>(Channel::arn);

  @Override
  public void create(Channel channel) {
    store.insert(channel);
  }

  @Override
  public boolean update(Channel channel) {
    return store.replace(channel);
  }

  @Override
  public Optional<Channel> find(String arn) {
    return store.find(arn);
  }

  @Override
  public boolean delete(String arn) {
    return store.delete(arn);
  }

  @Override
  public List<Channel> page(String accountId, String region, ChannelFilter filter, String afterArn, int limit) {
    Predicate<Channel> matches = store.inScope(accountId, region)
        .and(c -> filter.name() == null || c.name().equals(filter.name()))
        .and(c -> filter.recordingConfigurationArn() == null
            || c.recordingConfigurationArn().equals(filter.recordingConfigurationArn()))
        .and(c -> filter.playbackRestrictionPolicyArn() == null
            || c.playbackRestrictionPolicyArn().equals(filter.playbackRestrictionPolicyArn()));
    return store.page(matches, afterArn, limit);
  }

  @Override
  public long count(String accountId, String region) {
    return store.count(store.inScope(accountId, region));
  }

  @Override
  public boolean anyUsesRecordingConfiguration(String arn) {
    return store.count(c -> c.recordingConfigurationArn().equals(arn)) > 0;
  }

  @Override
  public boolean anyUsesPlaybackRestrictionPolicy(String arn) {
    return store.count(c -> c.playbackRestrictionPolicyArn().equals(arn)) > 0;
  }
}

package dev.onair.ivs.fakes;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.model.Tagged;
import dev.onair.ivs.port.ChannelFilter;
import dev.onair.ivs.port.ChannelRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Channels; creating and deleting one also writes its stream keys, tags and revocations, as the JDBC store does. */
public final class InMemoryChannelRepository implements ChannelRepository {
  private final ArnStore<Channel> store = new ArnStore<>(Channel::arn);
  private final InMemoryStreamKeyRepository streamKeys;
  private final InMemoryTagRepository tags;
  private final InMemoryViewerSessionRevocationRepository revocations;

  public InMemoryChannelRepository(InMemoryStreamKeyRepository streamKeys, InMemoryTagRepository tags,
      InMemoryViewerSessionRevocationRepository revocations) {
    this.streamKeys = streamKeys;
    this.tags = tags;
    this.revocations = revocations;
  }

  @Override
  public void create(Channel channel) {
    store.insert(channel);
  }

  @Override
  public synchronized boolean createWithinLimit(Channel channel, StreamKey streamKey, Map<String, String> tags,
      long limit) {
    IvsArn scope = IvsArn.parse(channel.arn()).orElseThrow();
    if (count(scope.accountId(), scope.region()) >= limit) {
      return false;
    }
    store.insert(channel);
    streamKeys.create(streamKey);
    if (!tags.isEmpty()) {
      this.tags.put(channel.arn(), tags);
      this.tags.put(streamKey.arn(), tags);
    }
    return true;
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
  public Optional<Tagged<Channel>> findTagged(String arn) {
    return store.find(arn).map(channel -> new Tagged<>(channel, tags.tags(arn)));
  }

  @Override
  public synchronized boolean delete(String arn) {
    if (!store.delete(arn)) {
      return false;
    }
    for (StreamKey key : streamKeys.findByChannel(arn)) {
      streamKeys.delete(key.arn());
      tags.deleteAll(key.arn());
    }
    tags.deleteAll(arn);
    revocations.deleteByChannel(arn);
    return true;
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

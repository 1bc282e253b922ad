package dev.onair.ivs.port;

import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.model.Tagged;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stored channels. Paging is keyset paging on the ARN: {@code page} returns channels whose ARN sorts after {@code
 * afterArn} (all when null), in ARN order, at most {@code limit}.
 */
public interface ChannelRepository {
  void create(Channel channel);

  /**
   * CreateChannel's writes, all or nothing: the channel, its first stream key, and {@code tags} on both, created
   * only while the channel's account and region hold fewer than {@code limit} channels. Decided atomically: of two
   * nodes racing for the last slot, one wins. Costs the same whatever the number of channels.
   *
   * @return false, creating nothing, when the quota is used up
   */
  boolean createWithinLimit(Channel channel, StreamKey streamKey, Map<String, String> tags, long limit);

  /** @return false when the channel no longer exists */
  boolean update(Channel channel);

  Optional<Channel> find(String arn);

  /** The channel and its tags in one read; empty when there is no such channel. */
  Optional<Tagged<Channel>> findTagged(String arn);

  /**
   * DeleteChannel's writes, all or nothing: the channel, its stream keys, their tags and its own, and its viewer
   * session revocations.
   *
   * @return false when there was nothing to delete
   */
  boolean delete(String arn);

  List<Channel> page(String accountId, String region, ChannelFilter filter, String afterArn, int limit);

  /** The number of channels in the account and region, as the quota sees it. */
  long count(String accountId, String region);

  boolean anyUsesRecordingConfiguration(String recordingConfigurationArn);

  boolean anyUsesPlaybackRestrictionPolicy(String playbackRestrictionPolicyArn);
}

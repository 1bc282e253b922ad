package dev.onair.ivs.port;

import dev.onair.ivs.model.Channel;
import java.util.List;
import java.util.Optional;

/**
 * Stored channels. Paging is keyset paging on the ARN: {@code page} returns channels whose ARN sorts after {@code
 * afterArn} (all when null), in ARN order, at most {@code limit}.
 */
public interface ChannelRepository {
  void create(Channel channel);

  /**
   * Creates the channel only while its account and region hold fewer than {@code limit} channels, decided
   * atomically (two nodes racing for the last slot: one wins).
   *
   * @return false, creating nothing, when the quota is used up
   */
  default boolean createWithinLimit(Channel channel, String accountId, String region, long limit) {
    if (count(accountId, region) >= limit) {
      return false;
    }
    create(channel);
    return true;
  }

  /** @return false when the channel no longer exists */
  boolean update(Channel channel);

  Optional<Channel> find(String arn);

  /** @return false when there was nothing to delete */
  boolean delete(String arn);

  List<Channel> page(String accountId, String region, ChannelFilter filter, String afterArn, int limit);

  long count(String accountId, String region);

  boolean anyUsesRecordingConfiguration(String recordingConfigurationArn);

  boolean anyUsesPlaybackRestrictionPolicy(String playbackRestrictionPolicyArn);
}

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

package dev.onair.ivs.port;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.RecordingConfigurationState;
import java.util.List;
import java.util.Optional;

public interface RecordingConfigurationRepository {
  void create(RecordingConfiguration configuration);

  /**
   * Creates it only while its account and region hold fewer than {@code limit} of them, decided atomically (two
   * nodes racing for the last slot: one wins).
   *
   * @return false, creating nothing, when the quota is used up
   */
  default boolean createWithinLimit(RecordingConfiguration configuration, long limit) {
    IvsArn scope = IvsArn.parse(configuration.arn()).orElseThrow();
    if (count(scope.accountId(), scope.region()) >= limit) {
      return false;
    }
    create(configuration);
    return true;
  }

  Optional<RecordingConfiguration> find(String arn);

  boolean updateState(String arn, RecordingConfigurationState state);

  boolean delete(String arn);

  List<RecordingConfiguration> page(String accountId, String region, String afterArn, int limit);

  /** How many exist in the account and region, as the quota sees it. */
  long count(String accountId, String region);
}

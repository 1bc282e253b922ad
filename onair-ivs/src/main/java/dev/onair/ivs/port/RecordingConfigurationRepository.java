package dev.onair.ivs.port;

import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.RecordingConfigurationState;
import java.util.List;
import java.util.Optional;

public interface RecordingConfigurationRepository {
  void create(RecordingConfiguration configuration);

  Optional<RecordingConfiguration> find(String arn);

  boolean updateState(String arn, RecordingConfigurationState state);

  boolean delete(String arn);

  List<RecordingConfiguration> page(String accountId, String region, String afterArn, int limit);

  long count(String accountId, String region);
}

package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.RecordingConfigurationState;
import dev.onair.ivs.model.RenditionConfiguration;
import dev.onair.ivs.model.ThumbnailConfiguration;
import dev.onair.ivs.port.RecordingConfigurationRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.Tx;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcRecordingConfigurationRepository implements RecordingConfigurationRepository {
  private static final String COLUMNS = "arn, name, bucket_name, state, thumbnail_recording_mode,"
      + " thumbnail_interval_seconds, thumbnail_resolution, thumbnail_storage, reconnect_window_seconds,"
      + " rendition_selection, renditions, created_at";

  private final Jdbc jdbc;

  JdbcRecordingConfigurationRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(RecordingConfiguration configuration) {
    ResourceUsage.insert(jdbc, configuration.arn(), ResourceUsage.RECORDING_CONFIGURATION, tx -> insert(tx, configuration));
  }

  @Override
  public boolean createWithinLimit(RecordingConfiguration configuration, long limit) {
    return ResourceUsage.insertWithinLimit(jdbc, configuration.arn(), ResourceUsage.RECORDING_CONFIGURATION, limit,
        tx -> insert(tx, configuration));
  }

  private static void insert(Tx tx, RecordingConfiguration configuration) {
    IvsArn scope = IvsSql.scope(configuration.arn());
    ThumbnailConfiguration thumbnail = configuration.thumbnailConfiguration();
    RenditionConfiguration rendition = configuration.renditionConfiguration();
    tx.update("insert into ivs_recording_configuration (" + COLUMNS + ", account_id, region)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        configuration.arn(), configuration.name(), configuration.bucketName(), configuration.state(),
        thumbnail.recordingMode(), thumbnail.targetIntervalSeconds(), thumbnail.resolution(),
        IvsSql.joinList(thumbnail.storage()), configuration.recordingReconnectWindowSeconds(),
        rendition.renditionSelection(), IvsSql.joinList(rendition.renditions()), configuration.createdAt(),
        scope.accountId(), scope.region());
  }

  @Override
  public Optional<RecordingConfiguration> find(String arn) {
    return jdbc.queryOne("select " + COLUMNS + " from ivs_recording_configuration where arn = ?",
        JdbcRecordingConfigurationRepository::map, arn);
  }

  @Override
  public boolean updateState(String arn, RecordingConfigurationState state) {
    return jdbc.update("update ivs_recording_configuration set state = ? where arn = ?", state, arn) > 0;
  }

  @Override
  public boolean delete(String arn) {
    return ResourceUsage.delete(jdbc, arn, ResourceUsage.RECORDING_CONFIGURATION,
        tx -> tx.update("delete from ivs_recording_configuration where arn = ?", arn) > 0);
  }

  @Override
  public List<RecordingConfiguration> page(String accountId, String region, String afterArn, int limit) {
    return jdbc.query(
        IvsSql.page("select " + COLUMNS + " from ivs_recording_configuration where account_id = ? and region = ?",
            afterArn),
        JdbcRecordingConfigurationRepository::map, IvsSql.params(List.of(accountId, region), afterArn, limit));
  }

  @Override
  public long count(String accountId, String region) {
    return ResourceUsage.used(jdbc, accountId, region, ResourceUsage.RECORDING_CONFIGURATION);
  }

  private static RecordingConfiguration map(Row row) throws SQLException {
    return new RecordingConfiguration(
        row.string("arn"), row.string("name"), row.string("bucket_name"),
        RecordingConfigurationState.valueOf(row.string("state")),
        new ThumbnailConfiguration(row.string("thumbnail_recording_mode"), row.longValue("thumbnail_interval_seconds"),
            row.string("thumbnail_resolution"), IvsSql.splitList(row.string("thumbnail_storage"))),
        row.integer("reconnect_window_seconds"),
        new RenditionConfiguration(row.string("rendition_selection"), IvsSql.splitList(row.string("renditions"))),
        row.instant("created_at"));
  }
}

package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.port.ChannelFilter;
import dev.onair.ivs.port.ChannelRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.ScopeLocks;
import dev.onair.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class JdbcChannelRepository implements ChannelRepository {
  private static final String COLUMNS = "arn, name, latency_mode, channel_type, recording_configuration_arn,"
      + " authorized, insecure_ingest, preset, playback_restriction_policy_arn, multitrack_enabled,"
      + " multitrack_policy, multitrack_maximum_resolution, container_format, created_at";

  private final Jdbc jdbc;

  JdbcChannelRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(Channel channel) {
    jdbc.transactionVoid(tx -> insert(tx, channel));
  }

  private static void insert(Tx tx, Channel channel) {
    IvsArn scope = IvsSql.scope(channel.arn());
    MultitrackInputConfiguration multitrack = channel.multitrackInputConfiguration();
    tx.update("insert into ivs_channel (" + COLUMNS + ", account_id, region)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        channel.arn(), channel.name(), channel.latencyMode(), channel.type(), channel.recordingConfigurationArn(),
        channel.authorized(), channel.insecureIngest(), channel.preset(), channel.playbackRestrictionPolicyArn(),
        multitrack.enabled(), multitrack.policy(), multitrack.maximumResolution(), channel.containerFormat(),
        channel.createdAt(), scope.accountId(), scope.region());
  }

  /**
   * Counts and inserts under the lock of the account-and-region scope, so two nodes racing for the last channel
   * slot cannot both see room.
   */
  @Override
  public boolean createWithinLimit(Channel channel, String accountId, String region, long limit) {
    return jdbc.transaction(tx -> {
      ScopeLocks.lock(tx, "ivs:channels:" + accountId + ":" + region);
      if (tx.count("select count(*) from ivs_channel where account_id = ? and region = ?", accountId, region)
          >= limit) {
        return false;
      }
      insert(tx, channel);
      return true;
    });
  }

  @Override
  public boolean update(Channel channel) {
    MultitrackInputConfiguration multitrack = channel.multitrackInputConfiguration();
    return jdbc.update("update ivs_channel set name = ?, latency_mode = ?, channel_type = ?,"
            + " recording_configuration_arn = ?, authorized = ?, insecure_ingest = ?, preset = ?,"
            + " playback_restriction_policy_arn = ?, multitrack_enabled = ?, multitrack_policy = ?,"
            + " multitrack_maximum_resolution = ?, container_format = ? where arn = ?",
        channel.name(), channel.latencyMode(), channel.type(), channel.recordingConfigurationArn(),
        channel.authorized(), channel.insecureIngest(), channel.preset(), channel.playbackRestrictionPolicyArn(),
        multitrack.enabled(), multitrack.policy(), multitrack.maximumResolution(), channel.containerFormat(),
        channel.arn()) > 0;
  }

  @Override
  public Optional<Channel> find(String arn) {
    return jdbc.queryOne("select " + COLUMNS + " from ivs_channel where arn = ?", JdbcChannelRepository::map, arn);
  }

  @Override
  public boolean delete(String arn) {
    return jdbc.update("delete from ivs_channel where arn = ?", arn) > 0;
  }

  @Override
  public List<Channel> page(String accountId, String region, ChannelFilter filter, String afterArn, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from ivs_channel where account_id = ? and region = ?");
    List<Object> params = new ArrayList<>(List.of(accountId, region));
    if (filter.name() != null) {
      sql.append(" and name = ?");
      params.add(filter.name());
    }
    if (filter.recordingConfigurationArn() != null) {
      sql.append(" and recording_configuration_arn = ?");
      params.add(filter.recordingConfigurationArn());
    }
    if (filter.playbackRestrictionPolicyArn() != null) {
      sql.append(" and playback_restriction_policy_arn = ?");
      params.add(filter.playbackRestrictionPolicyArn());
    }
    return jdbc.query(IvsSql.page(sql.toString(), afterArn), JdbcChannelRepository::map,
        IvsSql.params(params, afterArn, limit));
  }

  @Override
  public long count(String accountId, String region) {
    return jdbc.transaction(tx ->
        tx.count("select count(*) from ivs_channel where account_id = ? and region = ?", accountId, region));
  }

  @Override
  public boolean anyUsesRecordingConfiguration(String recordingConfigurationArn) {
    return jdbc.transaction(tx -> tx.exists(
        "select 1 from ivs_channel where recording_configuration_arn = ?", recordingConfigurationArn));
  }

  @Override
  public boolean anyUsesPlaybackRestrictionPolicy(String playbackRestrictionPolicyArn) {
    return jdbc.transaction(tx -> tx.exists(
        "select 1 from ivs_channel where playback_restriction_policy_arn = ?", playbackRestrictionPolicyArn));
  }

  private static Channel map(Row row) throws SQLException {
    return new Channel(
        row.string("arn"), row.string("name"), row.string("latency_mode"), row.string("channel_type"),
        row.string("recording_configuration_arn"), row.bool("authorized"), row.bool("insecure_ingest"),
        row.string("preset"), row.string("playback_restriction_policy_arn"),
        new MultitrackInputConfiguration(row.bool("multitrack_enabled"), row.string("multitrack_policy"),
            row.string("multitrack_maximum_resolution")),
        row.string("container_format"), row.instant("created_at"));
  }
}

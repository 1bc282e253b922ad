package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.model.Tagged;
import dev.onair.ivs.port.ChannelFilter;
import dev.onair.ivs.port.ChannelRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbcChannelRepository implements ChannelRepository {
  private static final String COLUMNS = "arn, name, latency_mode, channel_type, recording_configuration_arn,"
      + " authorized, insecure_ingest, preset, playback_restriction_policy_arn, multitrack_enabled,"
      + " multitrack_policy, multitrack_maximum_resolution, container_format, created_at";

  private static final String QUALIFIED_COLUMNS = "c." + COLUMNS.replace(", ", ", c.");

  /**
   * Built once: a statement text concatenated per call is a new string that H2's statement cache hashes and
   * compares in full on every GetChannel (QUALIFIED_COLUMNS is not a compile-time constant).
   */
  private static final String FIND_TAGGED =
      "select " + QUALIFIED_COLUMNS + ", t.tag_key, t.tag_value from ivs_channel c"
          + " left join ivs_tag t on t.resource_arn = c.arn where c.arn = ? order by t.tag_key";

  private final Jdbc jdbc;
  private final SecretCipher cipher;

  JdbcChannelRepository(Jdbc jdbc, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public void create(Channel channel) {
    ResourceUsage.insert(jdbc, channel.arn(), ResourceUsage.CHANNEL, tx -> insert(tx, channel));
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
   * One transaction, one commit. The quota slot is taken last, after the inserts, so the scope's counter row is
   * locked only for the commit; when the quota is used up the inserts are rolled back.
   */
  @Override
  public boolean createWithinLimit(Channel channel, StreamKey streamKey, Map<String, String> tags, long limit) {
    String encrypted = JdbcStreamKeyRepository.encrypt(cipher, streamKey);
    return ResourceUsage.insertWithinLimit(jdbc, channel.arn(), ResourceUsage.CHANNEL, limit, tx -> {
      insert(tx, channel);
      JdbcStreamKeyRepository.insert(tx, streamKey, encrypted);
      JdbcIvsTagRepository.insertNew(tx, channel.arn(), tags);
      JdbcIvsTagRepository.insertNew(tx, streamKey.arn(), tags);
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

  /**
   * One statement: the channel's columns repeated on each of its tag rows (or once with null tag columns), in
   * tag-key order.
   */
  @Override
  public Optional<Tagged<Channel>> findTagged(String arn) {
    return jdbc.read(tx -> {
      Map<String, String> tags = new LinkedHashMap<>();
      Channel[] channel = new Channel[1];
      tx.query(FIND_TAGGED,
          row -> {
            if (channel[0] == null) {
              channel[0] = map(row);
            }
            String key = row.string("tag_key");
            if (key != null) {
              tags.put(key, row.string("tag_value"));
            }
            return Boolean.TRUE;
          }, arn);
      return channel[0] == null ? Optional.empty() : Optional.of(new Tagged<>(channel[0], tags));
    });
  }

  /**
   * Deletes the channel row first: a concurrent CreateStreamKey holds that row's lock until it commits, so the
   * key it adds is committed before this transaction's own delete of the channel's keys runs and sees it.
   */
  @Override
  public boolean delete(String arn) {
    return ResourceUsage.delete(jdbc, arn, ResourceUsage.CHANNEL, tx -> {
      if (tx.update("delete from ivs_channel where arn = ?", arn) == 0) {
        return false;
      }
      tx.update("delete from ivs_tag where resource_arn in (select arn from ivs_stream_key where channel_arn = ?)",
          arn);
      tx.update("delete from ivs_stream_key where channel_arn = ?", arn);
      tx.update("delete from ivs_tag where resource_arn = ?", arn);
      tx.update("delete from ivs_viewer_session_revocation where channel_arn = ?", arn);
      return true;
    });
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
    return ResourceUsage.used(jdbc, accountId, region, ResourceUsage.CHANNEL);
  }

  /**
   * Reads the referenced configuration's own account and region through the scope index: a channel can only
   * reference resources of its scope, and the column has no index of its own (V220: one B-tree less per create).
   */
  @Override
  public boolean anyUsesRecordingConfiguration(String recordingConfigurationArn) {
    return anyUses("recording_configuration_arn", recordingConfigurationArn);
  }

  /** As {@link #anyUsesRecordingConfiguration}. */
  @Override
  public boolean anyUsesPlaybackRestrictionPolicy(String playbackRestrictionPolicyArn) {
    return anyUses("playback_restriction_policy_arn", playbackRestrictionPolicyArn);
  }

  private boolean anyUses(String column, String referencedArn) {
    IvsArn scope = IvsSql.scope(referencedArn);
    return jdbc.transaction(tx -> tx.exists(
        "select 1 from ivs_channel where account_id = ? and region = ? and " + column + " = ?",
        scope.accountId(), scope.region(), referencedArn));
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

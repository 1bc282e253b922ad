package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import dev.onair.ivs.port.PlaybackRestrictionPolicyRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.Tx;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcPlaybackRestrictionPolicyRepository implements PlaybackRestrictionPolicyRepository {
  private static final String COLUMNS =
      "arn, name, allowed_countries, allowed_origins, enable_strict_origin_enforcement, created_at";

  private final Jdbc jdbc;

  JdbcPlaybackRestrictionPolicyRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(PlaybackRestrictionPolicy policy) {
    ResourceUsage.insert(jdbc, policy.arn(), ResourceUsage.PLAYBACK_RESTRICTION_POLICY, tx -> insert(tx, policy));
  }

  @Override
  public boolean createWithinLimit(PlaybackRestrictionPolicy policy, long limit) {
    return ResourceUsage.insertWithinLimit(jdbc, policy.arn(), ResourceUsage.PLAYBACK_RESTRICTION_POLICY, limit,
        tx -> insert(tx, policy));
  }

  private static void insert(Tx tx, PlaybackRestrictionPolicy policy) {
    IvsArn scope = IvsSql.scope(policy.arn());
    tx.update("insert into ivs_playback_restriction_policy (" + COLUMNS + ", account_id, region)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
        policy.arn(), policy.name(), IvsSql.joinList(policy.allowedCountries()),
        IvsSql.joinList(policy.allowedOrigins()), policy.enableStrictOriginEnforcement(), policy.createdAt(),
        scope.accountId(), scope.region());
  }

  @Override
  public boolean update(PlaybackRestrictionPolicy policy) {
    return jdbc.update("update ivs_playback_restriction_policy set name = ?, allowed_countries = ?,"
            + " allowed_origins = ?, enable_strict_origin_enforcement = ? where arn = ?",
        policy.name(), IvsSql.joinList(policy.allowedCountries()), IvsSql.joinList(policy.allowedOrigins()),
        policy.enableStrictOriginEnforcement(), policy.arn()) > 0;
  }

  @Override
  public Optional<PlaybackRestrictionPolicy> find(String arn) {
    return jdbc.queryOne("select " + COLUMNS + " from ivs_playback_restriction_policy where arn = ?",
        JdbcPlaybackRestrictionPolicyRepository::map, arn);
  }

  @Override
  public boolean delete(String arn) {
    return ResourceUsage.delete(jdbc, arn, ResourceUsage.PLAYBACK_RESTRICTION_POLICY,
        tx -> tx.update("delete from ivs_playback_restriction_policy where arn = ?", arn) > 0);
  }

  @Override
  public List<PlaybackRestrictionPolicy> page(String accountId, String region, String afterArn, int limit) {
    return jdbc.query(
        IvsSql.page("select " + COLUMNS + " from ivs_playback_restriction_policy where account_id = ? and region = ?",
            afterArn),
        JdbcPlaybackRestrictionPolicyRepository::map, IvsSql.params(List.of(accountId, region), afterArn, limit));
  }

  @Override
  public long count(String accountId, String region) {
    return ResourceUsage.used(jdbc, accountId, region, ResourceUsage.PLAYBACK_RESTRICTION_POLICY);
  }

  private static PlaybackRestrictionPolicy map(Row row) throws SQLException {
    return new PlaybackRestrictionPolicy(row.string("arn"), row.string("name"),
        IvsSql.splitList(row.string("allowed_countries")), IvsSql.splitList(row.string("allowed_origins")),
        row.bool("enable_strict_origin_enforcement"), row.instant("created_at"));
  }
}

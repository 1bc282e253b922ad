package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.model.PlaybackKeyPair;
import dev.onair.ivs.port.PlaybackKeyPairRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.Tx;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcPlaybackKeyPairRepository implements PlaybackKeyPairRepository {
  private static final String COLUMNS = "arn, name, fingerprint, public_key_pem, created_at";

  private final Jdbc jdbc;

  JdbcPlaybackKeyPairRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(PlaybackKeyPair keyPair) {
    ResourceUsage.insert(jdbc, keyPair.arn(), ResourceUsage.PLAYBACK_KEY_PAIR, tx -> insert(tx, keyPair));
  }

  @Override
  public boolean createWithinLimit(PlaybackKeyPair keyPair, long limit) {
    return ResourceUsage.insertWithinLimit(jdbc, keyPair.arn(), ResourceUsage.PLAYBACK_KEY_PAIR, limit,
        tx -> insert(tx, keyPair));
  }

  private static void insert(Tx tx, PlaybackKeyPair keyPair) {
    IvsArn scope = IvsSql.scope(keyPair.arn());
    tx.update("insert into ivs_playback_key_pair (" + COLUMNS + ", account_id, region) values (?, ?, ?, ?, ?, ?, ?)",
        keyPair.arn(), keyPair.name(), keyPair.fingerprint(), keyPair.publicKeyPem(), keyPair.createdAt(),
        scope.accountId(), scope.region());
  }

  @Override
  public Optional<PlaybackKeyPair> find(String arn) {
    return jdbc.queryOne("select " + COLUMNS + " from ivs_playback_key_pair where arn = ?",
        JdbcPlaybackKeyPairRepository::map, arn);
  }

  @Override
  public Optional<PlaybackKeyPair> findByFingerprint(String accountId, String region, String fingerprint) {
    return jdbc.queryOne("select " + COLUMNS + " from ivs_playback_key_pair"
            + " where account_id = ? and region = ? and fingerprint = ?",
        JdbcPlaybackKeyPairRepository::map, accountId, region, fingerprint);
  }

  @Override
  public boolean delete(String arn) {
    return ResourceUsage.delete(jdbc, arn, ResourceUsage.PLAYBACK_KEY_PAIR,
        tx -> tx.update("delete from ivs_playback_key_pair where arn = ?", arn) > 0);
  }

  @Override
  public List<PlaybackKeyPair> page(String accountId, String region, String afterArn, int limit) {
    return jdbc.query(
        IvsSql.page("select " + COLUMNS + " from ivs_playback_key_pair where account_id = ? and region = ?",
            afterArn),
        JdbcPlaybackKeyPairRepository::map, IvsSql.params(List.of(accountId, region), afterArn, limit));
  }

  @Override
  public long count(String accountId, String region) {
    return ResourceUsage.used(jdbc, accountId, region, ResourceUsage.PLAYBACK_KEY_PAIR);
  }

  private static PlaybackKeyPair map(Row row) throws SQLException {
    return new PlaybackKeyPair(row.string("arn"), row.string("name"), row.string("fingerprint"),
        row.string("public_key_pem"), row.instant("created_at"));
  }
}

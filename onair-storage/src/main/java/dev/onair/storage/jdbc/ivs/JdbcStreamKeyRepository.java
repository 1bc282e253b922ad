package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.port.StreamKeyRepository;
import dev.onair.protocol.Secret;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Stream keys with their values encrypted at rest; the ARN is the associated data, so rows cannot be swapped. */
final class JdbcStreamKeyRepository implements StreamKeyRepository {
  private static final String COLUMNS = "arn, channel_arn, value_encrypted, created_at";

  private final Jdbc jdbc;
  private final SecretCipher cipher;

  JdbcStreamKeyRepository(Jdbc jdbc, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public void create(StreamKey streamKey) {
    String value = streamKey.value().reveal();
    jdbc.update("insert into ivs_stream_key (arn, channel_arn, value_sha256, value_encrypted, created_at)"
            + " values (?, ?, ?, ?, ?)",
        streamKey.arn(), streamKey.channelArn(), sha256(value), cipher.encrypt(value, streamKey.arn()),
        streamKey.createdAt());
  }

  /** Locks the channel's row, then counts and inserts in the same transaction: one winner across nodes. */
  @Override
  public boolean createWithinLimit(StreamKey streamKey, long limit) {
    String value = streamKey.value().reveal();
    return jdbc.transaction(tx -> {
      tx.exists("select arn from ivs_channel where arn = ? for update", streamKey.channelArn());
      if (tx.count("select count(*) from ivs_stream_key where channel_arn = ?", streamKey.channelArn()) >= limit) {
        return false;
      }
      tx.update("insert into ivs_stream_key (arn, channel_arn, value_sha256, value_encrypted, created_at)"
              + " values (?, ?, ?, ?, ?)",
          streamKey.arn(), streamKey.channelArn(), sha256(value), cipher.encrypt(value, streamKey.arn()),
          streamKey.createdAt());
      return true;
    });
  }

  @Override
  public Optional<StreamKey> find(String arn) {
    return jdbc.queryOne("select " + COLUMNS + " from ivs_stream_key where arn = ?", this::map, arn);
  }

  @Override
  public Optional<StreamKey> findByValue(Secret value) {
    return jdbc.queryOne("select " + COLUMNS + " from ivs_stream_key where value_sha256 = ?", this::map,
            sha256(value.reveal()))
        .filter(key -> key.value().equals(value));
  }

  @Override
  public List<StreamKey> findByChannel(String channelArn) {
    return jdbc.query("select " + COLUMNS + " from ivs_stream_key where channel_arn = ? order by arn", this::map,
        channelArn);
  }

  @Override
  public List<StreamKey> page(String channelArn, String afterArn, int limit) {
    return jdbc.query(IvsSql.page("select " + COLUMNS + " from ivs_stream_key where channel_arn = ?", afterArn),
        this::map, IvsSql.params(List.of(channelArn), afterArn, limit));
  }

  @Override
  public long countByChannel(String channelArn) {
    return jdbc.transaction(tx -> tx.count("select count(*) from ivs_stream_key where channel_arn = ?", channelArn));
  }

  @Override
  public boolean delete(String arn) {
    return jdbc.update("delete from ivs_stream_key where arn = ?", arn) > 0;
  }

  private StreamKey map(Row row) throws SQLException {
    String arn = row.string("arn");
    return new StreamKey(arn, row.string("channel_arn"),
        Secret.of(cipher.decrypt(row.string("value_encrypted"), arn)), row.instant("created_at"));
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.port.StreamKeyRepository;
import dev.onair.protocol.Secret;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.Tx;
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
    String encrypted = encrypt(cipher, streamKey);
    jdbc.transactionVoid(tx -> insert(tx, streamKey, encrypted));
  }

  /**
   * Locks the channel's row, then counts and inserts in the same transaction: one winner across nodes. The count
   * is bounded by the limit (a handful of keys per channel), so it stays cheap. A channel deleted meanwhile (its
   * row gone once the lock is granted) gets no key.
   */
  @Override
  public boolean createWithinLimit(StreamKey streamKey, long limit) {
    String encrypted = encrypt(cipher, streamKey);
    return jdbc.transaction(tx -> {
      if (!tx.exists("select arn from ivs_channel where arn = ? for update", streamKey.channelArn())
          || tx.count("select count(*) from ivs_stream_key where channel_arn = ?", streamKey.channelArn()) >= limit) {
        return false;
      }
      insert(tx, streamKey, encrypted);
      return true;
    });
  }

  /** Encrypted before the transaction opens, so no connection is held while AES-GCM runs. */
  static String encrypt(SecretCipher cipher, StreamKey streamKey) {
    return cipher.encrypt(streamKey.value().reveal(), streamKey.arn());
  }

  static void insert(Tx tx, StreamKey streamKey, String encrypted) {
    tx.update("insert into ivs_stream_key (arn, channel_arn, value_sha256, value_encrypted, created_at)"
            + " values (?, ?, ?, ?, ?)",
        streamKey.arn(), streamKey.channelArn(), sha256(streamKey.value().reveal()), encrypted,
        streamKey.createdAt());
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

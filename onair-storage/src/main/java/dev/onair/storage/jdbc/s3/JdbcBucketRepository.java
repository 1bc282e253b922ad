package dev.onair.storage.jdbc.s3;

import static java.util.Objects.requireNonNull;

import dev.onair.s3.BucketRepository;
import dev.onair.s3.model.Bucket;
import dev.onair.storage.DataAccessException;
import dev.onair.storage.Jdbc;
import dev.onair.storage.RowMapper;
import java.util.List;
import java.util.Optional;

/** S3 bucket metadata in {@code s3_bucket}; the primary key, not a lock, keeps names unique across nodes. */
public final class JdbcBucketRepository implements BucketRepository {
  private static final String COLUMNS = "name, account_id, region, created_at, policy";
  private static final RowMapper<Bucket> BUCKET = row -> new Bucket(
      row.string("name"), row.string("account_id"), row.string("region"), row.instant("created_at"),
      row.string("policy"));

  private final Jdbc jdbc;

  public JdbcBucketRepository(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public boolean create(Bucket bucket) {
    try {
      jdbc.update(
          "insert into s3_bucket (" + COLUMNS + ") values (?, ?, ?, ?, ?)",
          bucket.name(), bucket.accountId(), bucket.region(), bucket.creationDate(), bucket.policy());
      return true;
    } catch (DataAccessException e) {
      if (e.isUniqueViolation()) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<Bucket> find(String name) {
    return jdbc.queryOne("select " + COLUMNS + " from s3_bucket where name = ?", BUCKET, name);
  }

  @Override
  public List<Bucket> list(String accountId) {
    return jdbc.query(
        "select " + COLUMNS + " from s3_bucket where account_id = ? order by name", BUCKET, accountId);
  }

  @Override
  public void updatePolicy(String name, String policy) {
    jdbc.update("update s3_bucket set policy = ? where name = ?", policy, name);
  }

  @Override
  public void delete(String name) {
    jdbc.update("delete from s3_bucket where name = ?", name);
  }
}

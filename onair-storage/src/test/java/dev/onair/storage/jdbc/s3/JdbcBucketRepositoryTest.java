package dev.onair.storage.jdbc.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.s3.model.Bucket;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcBucketRepositoryTest {
  private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.678Z");

  @TempDir Path dataDir;
  private Database database;
  private JdbcBucketRepository repository;

  @BeforeEach
  void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    repository = new JdbcBucketRepository(database.jdbc());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void create_isUniqueAcrossAccounts() {
    Bucket bucket = new Bucket("recordings", "111111111111", "eu-west-1", CREATED, null);
    assertThat(repository.create(bucket)).isTrue();
    assertThat(repository.create(new Bucket("recordings", "222222222222", "us-east-1", CREATED, null))).isFalse();
    assertThat(repository.find("recordings")).contains(bucket);
    assertThat(repository.find("other")).isEmpty();
  }

  @Test
  void list_byAccountInNameOrder() {
    repository.create(new Bucket("zeta", "111111111111", "us-east-1", CREATED, null));
    repository.create(new Bucket("alpha", "111111111111", "us-east-1", CREATED, null));
    repository.create(new Bucket("theirs", "222222222222", "us-east-1", CREATED, null));
    assertThat(repository.list("111111111111")).extracting(Bucket::name).containsExactly("alpha", "zeta");
  }

  @Test
  void updatePolicy_setsAndClears() {
    repository.create(new Bucket("b-policy", "111111111111", "us-east-1", CREATED, null));
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    repository.updatePolicy("b-policy", policy);
    assertThat(repository.find("b-policy").orElseThrow().policy()).isEqualTo(policy);
    repository.updatePolicy("b-policy", null);
    assertThat(repository.find("b-policy").orElseThrow().policy()).isNull();
  }

  @Test
  void delete_removes() {
    repository.create(new Bucket("gone", "111111111111", "us-east-1", CREATED, null));
    repository.delete("gone");
    assertThat(repository.find("gone")).isEmpty();
    repository.delete("gone");
  }
}

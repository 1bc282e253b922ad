package dev.onair.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.iam.model.AccessKey;
import dev.onair.iam.model.AccessKeyStatus;
import dev.onair.iam.model.Account;
import dev.onair.iam.model.User;
import dev.onair.iam.store.IamStore;
import dev.onair.iam.support.IamIds;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.model.StreamKey;
import dev.onair.protocol.Secret;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.jdbc.iam.JdbcIamStore;
import dev.onair.storage.jdbc.ivs.JdbcIvsRepositories;
import dev.onair.storage.testing.PostgresCluster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedToPostgresTest {
  private static final String ACCOUNT = "123456789012";
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final String CHANNEL = "arn:aws:ivs:us-west-2:" + ACCOUNT + ":channel/migrated01";

  @TempDir Path dataDir;

  @Test
  void run_copiesEveryRow_secretsStayReadable_andIdentitiesContinue() {
    String userId;
    String accessKeyId;
    try (Database embedded = Database.open(DatabaseSettings.embedded(dataDir))) {
      IamStore iam = new JdbcIamStore(embedded.jdbc(), SecretCipher.load(dataDir, null));
      iam.accounts().createIfAbsent(new Account(ACCOUNT, NOW), "hash");
      User user = iam.users().create(new User(IamIds.uniqueId("AIDA"), ACCOUNT, "Migrated", "/", NOW, null, null,
          List.of()));
      userId = user.userId();
      AccessKey key = new AccessKey(IamIds.accessKeyId(false), ACCOUNT, userId, user.name(), AccessKeyStatus.Active,
          NOW, null, null, null);
      iam.accessKeys().create(key, Secret.of("migrated-secret-0123456789012345678901234"));
      accessKeyId = key.accessKeyId();
      JdbcIvsRepositories ivs = JdbcIvsRepositories.create(embedded.jdbc(), SecretCipher.load(dataDir, null));
      ivs.channels().create(new Channel(CHANNEL, "migrated", "LOW", "STANDARD", "", true, false, "", "",
          MultitrackInputConfiguration.DISABLED, "TS", NOW));
      ivs.streamKeys().create(new StreamKey(CHANNEL.replace("channel/", "stream-key/"), CHANNEL,
          Secret.of("sk_us-west-2_migrated_0123456789abcdefghijklmnopqrst"), NOW));
      embedded.jdbc().update("insert into monitoring_alarm_history (alarm_name, item_time, item_type, summary)"
          + " values ('a', ?, 'StateUpdate', 's')", NOW);
    }
    String url = PostgresCluster.shared().createEmptyDatabase();
    List<String> progress = new ArrayList<>();

    EmbeddedToPostgres.Report report = new EmbeddedToPostgres(dataDir, url, progress::add).run();

    assertThat(report.rows()).containsEntry("iam_user", 1L).containsEntry("iam_access_key", 1L)
        .containsEntry("ivs_channel", 1L).containsEntry("ivs_stream_key", 1L).containsEntry("iam_generation", 1L);
    assertThat(report.rows().keySet()).containsSubsequence("onair_account", "iam_password_policy");
    assertThat(report.rows().keySet().stream().toList().indexOf("iam_user"))
        .isLessThan(report.rows().keySet().stream().toList().indexOf("iam_access_key"));
    assertThat(progress).hasSize(report.rows().size());
    try (Database postgres = Database.open(new DatabaseSettings(dataDir, url, 2))) {
      IamStore iam = new JdbcIamStore(postgres.jdbc(), SecretCipher.load(dataDir, null));
      assertThat(iam.users().find(ACCOUNT, "migrated")).get().extracting(User::userId).isEqualTo(userId);
      assertThat(iam.accessKeys().findWithSecret(accessKeyId).orElseThrow().secret().reveal())
          .isEqualTo("migrated-secret-0123456789012345678901234");
      JdbcIvsRepositories ivs = JdbcIvsRepositories.create(postgres.jdbc(), SecretCipher.load(dataDir, null));
      assertThat(ivs.streamKeys().findByChannel(CHANNEL)).singleElement()
          .extracting(key -> key.value().reveal()).isEqualTo("sk_us-west-2_migrated_0123456789abcdefghijklmnopqrst");
      postgres.jdbc().update("insert into monitoring_alarm_history (alarm_name, item_time, item_type, summary)"
          + " values ('b', ?, 'StateUpdate', 's')", NOW);
      assertThat(postgres.jdbc().queryOne("select count(*) from monitoring_alarm_history", row -> row.longValue(1)))
          .contains(2L);
    }

    assertThatThrownBy(() -> new EmbeddedToPostgres(dataDir, url, line -> {}).run())
        .isInstanceOf(MigrationException.class).hasMessageContaining("not empty");
  }

  @Test
  void run_withoutEmbeddedDatabase_explainsWhatIsMissing() {
    assertThatThrownBy(() -> new EmbeddedToPostgres(dataDir, "postgresql://x@127.0.0.1:1/none", line -> {}).run())
        .isInstanceOf(MigrationException.class).hasMessageContaining("db/onair.mv.db");
  }
}

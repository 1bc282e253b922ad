package dev.onair.storage.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.Secret;
import dev.onair.s3.model.Bucket;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.jdbc.s3.JdbcBucketRepository;
import dev.onair.storage.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.security.MessageDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording writes against moto_server, path style, signed with SigV4. */
class ExternalObjectWriterMotoTest {
  private static MotoServer moto;

  @TempDir Path dataDir;

  @BeforeAll
  static void startMoto() {
    moto = MotoServer.start();
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  private static S3ObjectStoreClient client(String bucket, boolean pathStyle) {
    S3ObjectStoreClient client = new S3ObjectStoreClient(
        new ObjectStoreSettings(moto.endpoint(), MotoServer.ACCESS_KEY_ID, Secret.of(MotoServer.SECRET_ACCESS_KEY),
            bucket, pathStyle, "us-east-1"),
        Clock.systemUTC());
    client.createBucketIfMissing();
    return client;
  }

  @Test
  void put_storesUnderOnairBucketPrefix_andReturnsTheMd5Etag() throws Exception {
    S3ObjectStoreClient client = client("onair-recordings", true);
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      JdbcBucketRepository buckets = new JdbcBucketRepository(database.jdbc());
      buckets.create(new Bucket("my-vods", "123456789012", "us-east-1", Instant.now(), null));
      ExternalObjectWriter writer = new ExternalObjectWriter(buckets, client);
      byte[] segment = "segment bytes \u00e9".getBytes(StandardCharsets.UTF_8);

      String etag = writer.put("my-vods", "ivs/v1/123/ch/2026/1/2/3/4/media/hls/720p30/0.ts", segment, "video/MP2T");

      assertThat(etag).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(segment)));
      assertThat(client.get("my-vods/ivs/v1/123/ch/2026/1/2/3/4/media/hls/720p30/0.ts")).hasValue(segment);
      assertThatThrownBy(() -> writer.put("missing-bucket", "k", segment, null))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void list_followsContinuationTokens_andKeysWithSpecialCharactersRoundTrip() {
    S3ObjectStoreClient client = client("onair-listing", true);
    for (int i = 0; i < 7; i++) {
      client.put("many/k" + i, new byte[] {(byte) i}, null);
    }
    client.put("odd/a b+c=d&e\u00fc.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain");

    assertThat(client.list("many/", 3)).hasSize(7);
    assertThat(client.list("odd/")).containsExactly("odd/a b+c=d&e\u00fc.txt");
    client.delete("odd/a b+c=d&e\u00fc.txt");
    assertThat(client.get("odd/a b+c=d&e\u00fc.txt")).isEmpty();
  }
}

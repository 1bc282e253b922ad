package dev.onair.storage.jdbc.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.model.Tagged;
import dev.onair.protocol.Secret;
import dev.onair.storage.Database;
import dev.onair.storage.SecretCipher;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetChannel's one read (the channel with its tags, {@code findTagged}) against what the other reads return. */
abstract class ChannelReadContract {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final String PREFIX = "arn:aws:ivs:us-east-1:123456789012:";

  @TempDir Path dataDir;
  private Database database;
  private JdbcIvsRepositories ivs;

  abstract Database open(Path dataDir);

  @BeforeEach
  void setUp() {
    database = open(dataDir);
    ivs = JdbcIvsRepositories.create(database.jdbc(), SecretCipher.load(dataDir, null));
  }

  @AfterEach
  void close() {
    database.close();
  }

  private Channel create(String id, Map<String, String> tags) {
    Channel channel = new Channel(PREFIX + "channel/" + id, "name-" + id, "NORMAL", "BASIC",
        PREFIX + "recording-configuration/rc" + id, true, false, "", "", MultitrackInputConfiguration.DISABLED, "TS",
        NOW);
    StreamKey key = new StreamKey(PREFIX + "stream-key/" + id, channel.arn(),
        Secret.of("sk_us-east-1_" + id + "_0123456789abcdefghijklmnopqrstuv"), NOW);
    assertThat(ivs.channels().createWithinLimit(channel, key, tags, 100)).isTrue();
    return channel;
  }

  @Test
  void findTagged_isFindPlusTags_inKeyOrder() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("zeta", "last");
    tags.put("alpha", "first");
    tags.put("mid", "");
    Channel tagged = create("tagged00001", tags);
    Channel bare = create("bare0000001", Map.of());

    Tagged<Channel> found = ivs.channels().findTagged(tagged.arn()).orElseThrow();
    assertThat(found.resource()).isEqualTo(ivs.channels().find(tagged.arn()).orElseThrow()).isEqualTo(tagged);
    assertThat(found.tags()).containsExactly(Map.entry("alpha", "first"), Map.entry("mid", ""),
        Map.entry("zeta", "last"));
    assertThat(found.tags()).isEqualTo(ivs.tags().tags(tagged.arn()));

    Tagged<Channel> plain = ivs.channels().findTagged(bare.arn()).orElseThrow();
    assertThat(plain.resource()).isEqualTo(bare);
    assertThat(plain.tags()).isEmpty();
  }

  @Test
  void findTagged_followsWrites_andIsEmptyForNoChannel() {
    Channel channel = create("changing001", Map.of("team", "blue"));
    ivs.tags().put(channel.arn(), Map.of("team", "red", "env", "prod"));
    assertThat(ivs.channels().findTagged(channel.arn()).orElseThrow().tags())
        .containsExactly(Map.entry("env", "prod"), Map.entry("team", "red"));
    // the stream key carries the same tags but is another resource: never mixed into the channel's
    assertThat(ivs.channels().findTagged(PREFIX + "stream-key/changing001")).isEmpty();
    assertThat(ivs.channels().findTagged(PREFIX + "channel/nothing00001")).isEmpty();
    ivs.channels().delete(channel.arn());
    assertThat(ivs.channels().findTagged(channel.arn())).isEmpty();
  }
}

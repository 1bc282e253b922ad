package dev.onair.storage.jdbc.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.port.ChannelFilter;
import dev.onair.protocol.Secret;
import dev.onair.storage.Database;
import dev.onair.storage.SecretCipher;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Is this recording configuration / restriction policy still used" and ListChannels' filters by them, which read
 * the scope index since V220 dropped the two reference indexes: the answer must follow creates, updates and deletes
 * and must not leak between accounts or regions.
 */
abstract class ChannelReferenceContract {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final String ACCOUNT = "123456789012";
  private static final String OTHER_ACCOUNT = "210987654321";

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

  private static String arn(String region, String account, String type, String id) {
    return "arn:aws:ivs:" + region + ":" + account + ":" + type + "/" + id;
  }

  private Channel create(String region, String account, String id, String recording, String policy) {
    Channel channel = new Channel(arn(region, account, "channel", id), "name-" + id, "NORMAL", "BASIC", recording,
        true, false, "", policy, MultitrackInputConfiguration.DISABLED, "TS", NOW);
    StreamKey key = new StreamKey(arn(region, account, "stream-key", id), channel.arn(),
        Secret.of("sk_" + region + "_" + id + "_0123456789abcdefghijklmnopqrstuv"), NOW);
    assertThat(ivs.channels().createWithinLimit(channel, key, Map.of(), 100)).isTrue();
    return channel;
  }

  private record Reference(String type, BiPredicate<JdbcIvsRepositories, String> anyUses,
                           boolean recording) {
    ChannelFilter filter(String arn) {
      return recording ? new ChannelFilter(null, arn, null) : new ChannelFilter(null, null, arn);
    }
  }

  private static final List<Reference> REFERENCES = List.of(
      new Reference("recording-configuration", (ivs, arn) -> ivs.channels().anyUsesRecordingConfiguration(arn), true),
      new Reference("playback-restriction-policy",
          (ivs, arn) -> ivs.channels().anyUsesPlaybackRestrictionPolicy(arn), false));

  @Test
  void anyUsesAndFilters_followWrites_withinTheReferencesScope() {
    for (Reference ref : REFERENCES) {
      String used = arn("us-west-2", ACCOUNT, ref.type(), "used" + ref.recording());
      String unused = arn("us-west-2", ACCOUNT, ref.type(), "unused" + ref.recording());
      String id = ref.recording() ? "chanrecord1" : "chanpolicy1";
      Channel channel = create("us-west-2", ACCOUNT, id, ref.recording() ? used : "", ref.recording() ? "" : used);
      Channel bare = create("us-west-2", ACCOUNT, id + "b", "", "");

      assertThat(ref.anyUses().test(ivs, used)).as(ref.type()).isTrue();
      assertThat(ref.anyUses().test(ivs, unused)).as(ref.type()).isFalse();
      assertThat(ivs.channels().page(ACCOUNT, "us-west-2", ref.filter(used), null, 10)).containsExactly(channel);
      assertThat(ivs.channels().page(ACCOUNT, "us-west-2", ref.filter(unused), null, 10)).isEmpty();

      // the reference removed by an update, then set on the other channel
      Channel detached = withReference(channel, ref, "");
      assertThat(ivs.channels().update(detached)).isTrue();
      assertThat(ref.anyUses().test(ivs, used)).as(ref.type()).isFalse();
      Channel attached = withReference(bare, ref, used);
      assertThat(ivs.channels().update(attached)).isTrue();
      assertThat(ref.anyUses().test(ivs, used)).as(ref.type()).isTrue();
      assertThat(ivs.channels().page(ACCOUNT, "us-west-2", ref.filter(used), null, 10)).containsExactly(attached);

      assertThat(ivs.channels().delete(attached.arn())).isTrue();
      assertThat(ref.anyUses().test(ivs, used)).as(ref.type()).isFalse();
      assertThat(ivs.channels().delete(detached.arn())).isTrue();
    }
  }

  @Test
  void anyUses_seesManyChannelsOfTheScope_andNoOtherScope() {
    String recording = arn("eu-west-1", ACCOUNT, "recording-configuration", "shared00001");
    String policy = arn("eu-west-1", ACCOUNT, "playback-restriction-policy", "shared00001");
    for (int i = 0; i < 30; i++) {
      create("eu-west-1", ACCOUNT, String.format("plain%05d", i), "", "");
    }
    // the same text in another account's and another region's channels does not count: they cannot reference it
    create("eu-west-1", OTHER_ACCOUNT, "foreign0001", recording, policy);
    create("us-east-1", ACCOUNT, "foreign0002", recording, policy);
    assertThat(ivs.channels().anyUsesRecordingConfiguration(recording)).isFalse();
    assertThat(ivs.channels().anyUsesPlaybackRestrictionPolicy(policy)).isFalse();

    Channel user = create("eu-west-1", ACCOUNT, "zzlast00001", recording, policy);
    assertThat(ivs.channels().anyUsesRecordingConfiguration(recording)).isTrue();
    assertThat(ivs.channels().anyUsesPlaybackRestrictionPolicy(policy)).isTrue();
    assertThat(ivs.channels().page(ACCOUNT, "eu-west-1", new ChannelFilter(null, recording, null), null, 10))
        .containsExactly(user);
    assertThat(ivs.channels().page(ACCOUNT, "eu-west-1", new ChannelFilter(null, null, policy), null, 10))
        .containsExactly(user);
  }

  private static Channel withReference(Channel channel, Reference ref, String arn) {
    return new Channel(channel.arn(), channel.name(), channel.latencyMode(), channel.type(),
        ref.recording() ? arn : channel.recordingConfigurationArn(), channel.authorized(), channel.insecureIngest(),
        channel.preset(), ref.recording() ? channel.playbackRestrictionPolicyArn() : arn,
        channel.multitrackInputConfiguration(), channel.containerFormat(), channel.createdAt());
  }
}

package dev.onair.it.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.RecordingConfigurationState;
import dev.onair.ivs.model.RenditionConfiguration;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.model.ThumbnailConfiguration;
import dev.onair.ivs.model.ViewerSessionRevocation;
import dev.onair.ivs.port.ChannelFilter;
import dev.onair.protocol.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC repositories on H2 (PostgreSQL mode): round trips, paging, and stream keys encrypted at rest. */
class IvsJdbcRepositoryTest {
  private static final String PREFIX = "arn:aws:ivs:us-west-2:123456789012:";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @TempDir Path dataDir;
  private InProcessIvs ivs;

  @BeforeEach
  void open() {
    ivs = new InProcessIvs(dataDir);
  }

  @AfterEach
  void close() {
    ivs.close();
  }

  private static Channel channel(String id, String name, String recording) {
    return new Channel(PREFIX + "channel/" + id, name, "LOW", "STANDARD", recording, true, false, "", "",
        MultitrackInputConfiguration.DISABLED, "TS", NOW);
  }

  @Test
  void channels_roundTripPageFilterCount() {
    var channels = ivs.repositories.channels();
    for (int i = 0; i < 5; i++) {
      channels.create(channel("chan" + i + "aaaaaaa", i % 2 == 0 ? "even" : "odd", ""));
    }
    assertThat(channels.find(PREFIX + "channel/chan0aaaaaaa")).contains(channel("chan0aaaaaaa", "even", ""));
    assertThat(channels.count("123456789012", "us-west-2")).isEqualTo(5);
    assertThat(channels.count("123456789012", "eu-west-1")).isZero();
    List<Channel> first = channels.page("123456789012", "us-west-2", ChannelFilter.NONE, null, 2);
    List<Channel> second = channels.page("123456789012", "us-west-2", ChannelFilter.NONE, first.get(1).arn(), 2);
    assertThat(first).hasSize(2);
    assertThat(second).extracting(Channel::arn).doesNotContainAnyElementsOf(first.stream().map(Channel::arn).toList());
    assertThat(channels.page("123456789012", "us-west-2", new ChannelFilter("even", null, null), null, 10))
        .hasSize(3);
    Channel updated = channel("chan0aaaaaaa", "renamed", PREFIX + "recording-configuration/rec");
    assertThat(channels.update(updated)).isTrue();
    assertThat(channels.anyUsesRecordingConfiguration(PREFIX + "recording-configuration/rec")).isTrue();
    assertThat(channels.delete(updated.arn())).isTrue();
    assertThat(channels.find(updated.arn())).isEmpty();
  }

  @Test
  void streamKeys_encryptedAtRestAndFoundByValue() throws Exception {
    var keys = ivs.repositories.streamKeys();
    String value = "sk_us-west-2_abcdefghijkl_abcdefghijklmnopqrstuvwxyz0123";
    keys.create(new StreamKey(PREFIX + "stream-key/key1", PREFIX + "channel/c1", Secret.of(value), NOW));
    assertThat(keys.findByValue(Secret.of(value))).map(StreamKey::arn).contains(PREFIX + "stream-key/key1");
    assertThat(keys.findByValue(Secret.of(value + "x"))).isEmpty();
    assertThat(keys.find(PREFIX + "stream-key/key1").orElseThrow().value().reveal()).isEqualTo(value);
    assertThat(keys.countByChannel(PREFIX + "channel/c1")).isEqualTo(1);
    ivs.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(file.toString()).doesNotContain(value);
      }
    }
    ivs = new InProcessIvs(dataDir);
  }

  @Test
  void otherResources_roundTrip() {
    var recording = new RecordingConfiguration(PREFIX + "recording-configuration/r1", "rec", "bucket",
        RecordingConfigurationState.CREATING, new ThumbnailConfiguration("INTERVAL", 30, "HD", List.of("LATEST",
        "SEQUENTIAL")), 60, new RenditionConfiguration("CUSTOM", List.of("HD", "SD")), NOW);
    ivs.repositories.recordingConfigurations().create(recording);
    ivs.repositories.recordingConfigurations().updateState(recording.arn(), RecordingConfigurationState.ACTIVE);
    assertThat(ivs.repositories.recordingConfigurations().find(recording.arn()))
        .contains(recording.withState(RecordingConfigurationState.ACTIVE));

    var policy = new PlaybackRestrictionPolicy(PREFIX + "playback-restriction-policy/p1", "p", List.of("US", "MX"),
        List.of("https://a.example,with-comma", "https://b.example"), true, NOW);
    ivs.repositories.playbackRestrictionPolicies().create(policy);
    assertThat(ivs.repositories.playbackRestrictionPolicies().find(policy.arn())).contains(policy);

    var tags = ivs.repositories.tags();
    tags.put(policy.arn(), Map.of("a", "1", "b", "2"));
    tags.put(policy.arn(), Map.of("a", "3"));
    tags.remove(policy.arn(), List.of("b"));
    assertThat(tags.tags(policy.arn())).containsExactlyEntriesOf(Map.of("a", "3"));
    assertThat(tags.tags(List.of(policy.arn(), recording.arn()))).containsOnlyKeys(policy.arn());

    var revocations = ivs.repositories.viewerSessionRevocations();
    revocations.save(new ViewerSessionRevocation(PREFIX + "channel/c", "viewer", 1, NOW));
    revocations.save(new ViewerSessionRevocation(PREFIX + "channel/c", "viewer", 5, NOW));
    assertThat(revocations.find(PREFIX + "channel/c", "viewer").orElseThrow().versionsLessThanOrEqualTo())
        .isEqualTo(5);
  }
}

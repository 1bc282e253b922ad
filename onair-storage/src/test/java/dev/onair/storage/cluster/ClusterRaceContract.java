package dev.onair.storage.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.iam.model.Account;
import dev.onair.iam.model.User;
import dev.onair.iam.store.IamStore;
import dev.onair.iam.support.IamIds;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.model.PlaybackKeyPair;
import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.RecordingConfigurationState;
import dev.onair.ivs.model.RenditionConfiguration;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.model.ThumbnailConfiguration;
import dev.onair.ivs.port.ChannelRepository;
import dev.onair.ivs.port.PlaybackRestrictionPolicyRepository;
import dev.onair.ivs.port.StreamKeyRepository;
import dev.onair.live.port.PublisherLease;
import dev.onair.protocol.Secret;
import dev.onair.storage.Database;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.jdbc.iam.JdbcIamStore;
import dev.onair.storage.jdbc.ivs.JdbcIvsRepositories;
import dev.onair.storage.jdbc.live.JdbcPublisherLease;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules that span requests, raced by two "nodes": two connection pools on one database, as two processes would
 * have. Each race releases all contenders at once through a barrier and expects the database to pick the
 * winners; no test relies on an in-process lock (each node's repositories are separate objects).
 */
abstract class ClusterRaceContract {
  private static final String ACCOUNT = "123456789012";
  private static final String PREFIX = "arn:aws:ivs:us-west-2:" + ACCOUNT + ":";
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final int CONTENDERS = 8;

  @TempDir Path dataDir;
  private final List<Database> nodes = new ArrayList<>();
  private ExecutorService pool;

  /** A new pool on this test's database; called once per node. */
  abstract Database openNode(Path dataDir);

  @BeforeEach
  void start() {
    nodes.add(openNode(dataDir));
    nodes.add(openNode(dataDir));
    pool = Executors.newFixedThreadPool(CONTENDERS);
  }

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    nodes.forEach(Database::close);
  }

  private Database node(int contender) {
    return nodes.get(contender % nodes.size());
  }

  private JdbcIvsRepositories ivs(int contender) {
    return JdbcIvsRepositories.create(node(contender).jdbc(), SecretCipher.load(dataDir, null));
  }

  @Test
  void streamKeys_raceForTheChannelsOnlyKey_exactlyOneWins() throws Exception {
    Channel channel = channel("racechannel01");
    ivs(0).channels().create(channel);
    List<Boolean> results = race(i -> {
      StreamKeyRepository keys = ivs(i).streamKeys();
      StreamKey key = new StreamKey(PREFIX + "stream-key/racekey" + i, channel.arn(),
          Secret.of("sk_us-west-2_race" + i + "_0123456789abcdefghijklmnopqrstuv"), NOW);
      return () -> keys.createWithinLimit(key, 1);
    });
    assertThat(results).containsOnlyOnce(true);
    assertThat(ivs(1).streamKeys().countByChannel(channel.arn())).isEqualTo(1);
  }

  @Test
  void channels_raceForTheLastQuotaSlots_exactlyTheQuotaWins() throws Exception {
    ivs(0).channels().create(channel("existing0001"));
    List<Boolean> results = race(i -> {
      ChannelRepository channels = ivs(i).channels();
      Channel channel = channel("racer" + i);
      return () -> channels.createWithinLimit(channel, key(channel, "racerkey" + i), Map.of("k", "v" + i), 4);
    });
    assertThat(results).filteredOn(won -> won).hasSize(3);
    assertThat(ivs(1).channels().count(ACCOUNT, "us-west-2")).isEqualTo(4).isEqualTo(rows("ivs_channel"));
    // Winners got their key and tags in the same transaction; losers left nothing behind.
    assertThat(rows("ivs_stream_key")).isEqualTo(3);
    assertThat(rows("ivs_tag")).isEqualTo(6);
    for (int i = 0; i < CONTENDERS; i++) {
      assertThat(ivs(1).streamKeys().find(PREFIX + "stream-key/racerkey" + i).isPresent())
          .as("racer %d: key stored exactly when its channel won", i)
          .isEqualTo(results.get(i))
          .isEqualTo(ivs(1).channels().find(PREFIX + "channel/racer" + i).isPresent());
    }
  }

  @Test
  void channels_createsAndDeletesRacing_leaveTheCounterEqualToTheRows() throws Exception {
    for (int i = 0; i < CONTENDERS; i++) {
      if (i % 2 == 1) {
        Channel doomed = channel("doomed" + i);
        ivs(0).channels().createWithinLimit(doomed, key(doomed, "doomedkey" + i), Map.of("t", "1"), 100);
      }
    }
    assertThat(ivs(0).channels().count(ACCOUNT, "us-west-2")).isEqualTo(4);
    List<Boolean> results = race(i -> {
      ChannelRepository channels = ivs(i).channels();
      if (i % 2 == 1) {
        return () -> channels.delete(PREFIX + "channel/doomed" + i);
      }
      Channel channel = channel("fresh" + i);
      return () -> channels.createWithinLimit(channel, key(channel, "freshkey" + i), Map.of(), 100);
    });
    assertThat(results).containsOnly(true);
    assertThat(ivs(1).channels().count(ACCOUNT, "us-west-2")).isEqualTo(4).isEqualTo(rows("ivs_channel"));
    assertThat(rows("ivs_stream_key")).isEqualTo(4);
    assertThat(rows("ivs_tag")).isZero();
    assertThat(ivs(1).channels().delete(PREFIX + "channel/doomed1")).isFalse();
    assertThat(ivs(1).channels().count(ACCOUNT, "us-west-2")).isEqualTo(4);
  }

  @Test
  void otherQuotaResources_raceForTheLastSlots_andDeletesFreeThem() throws Exception {
    List<Boolean> results = race(i -> {
      PlaybackRestrictionPolicyRepository policies = ivs(i).playbackRestrictionPolicies();
      PlaybackRestrictionPolicy policy = new PlaybackRestrictionPolicy(
          PREFIX + "playback-restriction-policy/policy" + i, "p" + i, List.of("US"), List.of(), false, NOW);
      return () -> policies.createWithinLimit(policy, 3);
    });
    assertThat(results).filteredOn(won -> won).hasSize(3);
    var policies = ivs(1).playbackRestrictionPolicies();
    assertThat(policies.count(ACCOUNT, "us-west-2")).isEqualTo(3).isEqualTo(rows("ivs_playback_restriction_policy"));
    String winner = PREFIX + "playback-restriction-policy/policy" + results.indexOf(true);
    assertThat(policies.delete(winner)).isTrue();
    assertThat(policies.delete(winner)).isFalse();
    assertThat(policies.count(ACCOUNT, "us-west-2")).isEqualTo(2);

    var recordings = ivs(0).recordingConfigurations();
    RecordingConfiguration recording = recording("rec1");
    assertThat(recordings.createWithinLimit(recording, 1)).isTrue();
    assertThat(recordings.createWithinLimit(recording("rec2"), 1)).isFalse();
    assertThat(rows("ivs_recording_configuration")).isEqualTo(1);
    assertThat(recordings.delete(recording.arn())).isTrue();
    assertThat(recordings.count(ACCOUNT, "us-west-2")).isZero();

    var keyPairs = ivs(0).playbackKeyPairs();
    keyPairs.create(new PlaybackKeyPair(PREFIX + "playback-key/kp1", "k", "fp1", "pem", NOW));
    assertThat(keyPairs.createWithinLimit(new PlaybackKeyPair(PREFIX + "playback-key/kp2", "k", "fp2", "pem", NOW),
        1)).isFalse();
    assertThat(keyPairs.count(ACCOUNT, "us-west-2")).isEqualTo(1).isEqualTo(rows("ivs_playback_key_pair"));
  }

  @Test
  void streamKeys_createRacingTheChannelsDelete_leavesNoKeyBehind() throws Exception {
    Channel channel = channel("deletedwhilekeyed");
    ivs(0).channels().createWithinLimit(channel, key(channel, "firstkey"), Map.of(), 100);
    List<Boolean> results = race(i -> {
      if (i == 0) {
        ChannelRepository channels = ivs(i).channels();
        return () -> channels.delete(channel.arn());
      }
      StreamKeyRepository keys = ivs(i).streamKeys();
      StreamKey key = key(channel, "latekey" + i);
      return () -> keys.createWithinLimit(key, 100);
    });
    assertThat(results.get(0)).isTrue();
    assertThat(rows("ivs_channel")).isZero();
    assertThat(rows("ivs_stream_key")).isZero();
    assertThat(ivs(1).channels().count(ACCOUNT, "us-west-2")).isZero();
  }

  @Test
  void publisherLease_raceForAFreeChannel_exactlyOneWins() throws Exception {
    String channel = PREFIX + "channel/leased";
    List<Boolean> results = race(i -> {
      PublisherLease leases = new JdbcPublisherLease(node(i).jdbc());
      return () -> leases.claim(channel, "node-" + (i % 2), "session-" + i, NOW, Duration.ofSeconds(10))
          .isPresent();
    });
    assertThat(results).containsOnlyOnce(true);
    assertThat(new JdbcPublisherLease(node(0).jdbc()).find(channel)).get()
        .extracting(PublisherLease.Lease::expiresAt).isEqualTo(NOW.plusSeconds(10));
  }

  @Test
  void publisherLease_deadNodesLeaseIsReapedByExactlyOneSurvivor() throws Exception {
    String channel = PREFIX + "channel/reaped";
    PublisherLease first = new JdbcPublisherLease(node(0).jdbc());
    PublisherLease.Lease dead = first.claim(channel, "node-a", "st-a",
        new PublisherLease.Holder("10.0.0.1:8080", PREFIX + "stream-key/k", NOW), NOW, Duration.ofSeconds(10))
        .orElseThrow();
    assertThat(first.reap(dead, NOW.plusSeconds(9))).isFalse();

    Instant later = NOW.plusSeconds(10);
    List<Boolean> results = race(i -> {
      PublisherLease leases = new JdbcPublisherLease(node(i).jdbc());
      return () -> leases.reap(dead, later);
    });
    assertThat(results).containsOnlyOnce(true);
    assertThat(first.find(channel)).isEmpty();
    assertThat(first.heartbeat(dead, later, Duration.ofSeconds(10), "HEALTHY", 0))
        .isEqualTo(PublisherLease.Renewal.LOST);
  }

  @Test
  void publisherLease_heartbeatPublishesFigures_andCarriesAStopRequestFromAnotherNode() {
    String channel = PREFIX + "channel/steered";
    PublisherLease holder = new JdbcPublisherLease(node(0).jdbc());
    PublisherLease other = new JdbcPublisherLease(node(1).jdbc());
    PublisherLease.Lease lease = holder.claim(channel, "node-a", "st-a",
        new PublisherLease.Holder("10.0.0.1:8080", PREFIX + "stream-key/k", NOW), NOW, Duration.ofSeconds(10))
        .orElseThrow();

    assertThat(holder.heartbeat(lease, NOW.plusSeconds(1), Duration.ofSeconds(10), "STARVING", 42))
        .isEqualTo(PublisherLease.Renewal.RENEWED);
    PublisherLease.LeaseState seen = other.live(NOW.plusSeconds(2)).stream()
        .filter(s -> s.lease().channelArn().equals(channel)).findFirst().orElseThrow();
    assertThat(seen.health()).isEqualTo("STARVING");
    assertThat(seen.viewerCount()).isEqualTo(42);
    assertThat(seen.holder()).isEqualTo(
        new PublisherLease.Holder("10.0.0.1:8080", PREFIX + "stream-key/k", NOW));
    assertThat(seen.lease().expiresAt()).isEqualTo(NOW.plusSeconds(11));

    assertThat(holder.stopRequested("node-a")).extracting(PublisherLease.Lease::channelArn).doesNotContain(channel);
    assertThat(other.requestStop(channel, PREFIX + "stream-key/other", NOW.plusSeconds(2))).isFalse();
    assertThat(other.requestStop(channel, PREFIX + "stream-key/k", NOW.plusSeconds(2))).isTrue();
    // The holder's poll between writes sees the flag (a read), listing only its own leases.
    assertThat(holder.stopRequested("node-a")).extracting(PublisherLease.Lease::channelArn).contains(channel);
    assertThat(holder.stopRequested("node-b")).extracting(PublisherLease.Lease::channelArn).doesNotContain(channel);
    assertThat(holder.heartbeat(lease, NOW.plusSeconds(3), Duration.ofSeconds(10), "HEALTHY", 1))
        .isEqualTo(PublisherLease.Renewal.STOP_REQUESTED);
    assertThat(other.state(channel).orElseThrow().lease().expiresAt()).isEqualTo(NOW.plusSeconds(13));
  }

  @Test
  void publisherLease_heartbeatAll_renewsPublishesStopsAndLosesPerLease_inOneCall() {
    PublisherLease holder = new JdbcPublisherLease(node(0).jdbc());
    PublisherLease other = new JdbcPublisherLease(node(1).jdbc());
    Duration ttl = Duration.ofSeconds(10);
    PublisherLease.Holder where = new PublisherLease.Holder("10.0.0.1:8080", PREFIX + "stream-key/k", NOW);
    // given in an order other than the channels', to check that outcomes come back in the caller's order
    PublisherLease.Lease zulu = holder.claim(PREFIX + "channel/batch-z", "node-a", "st-z", where, NOW, ttl)
        .orElseThrow();
    PublisherLease.Lease stopped = holder.claim(PREFIX + "channel/batch-s", "node-a", "st-s", where, NOW, ttl)
        .orElseThrow();
    PublisherLease.Lease alpha = holder.claim(PREFIX + "channel/batch-a", "node-a", "st-a", where, NOW, ttl)
        .orElseThrow();
    PublisherLease.Lease reaped = holder.claim(PREFIX + "channel/batch-r", "node-a", "st-r", where, NOW, ttl)
        .orElseThrow();
    assertThat(other.requestStop(stopped.channelArn(), null, NOW.plusSeconds(1))).isTrue();
    assertThat(other.reap(reaped, NOW.plusSeconds(10))).isTrue();

    List<PublisherLease.Renewal> renewals = holder.heartbeatAll(List.of(
            new PublisherLease.Beat(zulu, "STARVING", 7),
            new PublisherLease.Beat(stopped, "HEALTHY", 1),
            new PublisherLease.Beat(reaped, "HEALTHY", 2),
            new PublisherLease.Beat(alpha, "HEALTHY", 3)),
        NOW.plusSeconds(5), ttl);

    assertThat(renewals).containsExactly(PublisherLease.Renewal.RENEWED, PublisherLease.Renewal.STOP_REQUESTED,
        PublisherLease.Renewal.LOST, PublisherLease.Renewal.RENEWED);
    PublisherLease.LeaseState z = other.state(zulu.channelArn()).orElseThrow();
    assertThat(z.health() + "/" + z.viewerCount() + "/" + z.lease().expiresAt())
        .isEqualTo("STARVING/7/" + NOW.plusSeconds(15));
    PublisherLease.LeaseState a = other.state(alpha.channelArn()).orElseThrow();
    assertThat(a.health() + "/" + a.viewerCount() + "/" + a.lease().expiresAt())
        .isEqualTo("HEALTHY/3/" + NOW.plusSeconds(15));
    // a stopped lease is still renewed (its holder disconnects and releases it), its figures are not updated
    PublisherLease.LeaseState s = other.state(stopped.channelArn()).orElseThrow();
    assertThat(s.stopRequested()).isTrue();
    assertThat(s.health() + "/" + s.lease().expiresAt()).isEqualTo("null/" + NOW.plusSeconds(15));
    assertThat(other.find(reaped.channelArn())).isEmpty();
    assertThat(holder.heartbeatAll(List.of(), NOW.plusSeconds(6), ttl)).isEmpty();
  }

  @Test
  void publisherLease_expiredLeaseIsTakenOverOnce_andTheOldHolderLosesIt() throws Exception {
    String channel = PREFIX + "channel/takeover";
    PublisherLease first = new JdbcPublisherLease(node(0).jdbc());
    PublisherLease.Lease dead = first.claim(channel, "node-a", "session-a", NOW, Duration.ofSeconds(5)).orElseThrow();
    assertThat(first.claim(channel, "node-b", "too-early", NOW.plusSeconds(4), Duration.ofSeconds(5))).isEmpty();

    Instant later = NOW.plusSeconds(6);
    assertThat(first.expired(later)).containsExactly(dead);
    List<Boolean> results = race(i -> {
      PublisherLease leases = new JdbcPublisherLease(node(i).jdbc());
      return () -> leases.claim(channel, "node-b", "session-" + i, later, Duration.ofSeconds(5)).isPresent();
    });
    assertThat(results).containsOnlyOnce(true);
    assertThat(first.renew(dead, later, Duration.ofSeconds(5))).isFalse();
    first.release(dead);
    Optional<PublisherLease.Lease> holder = first.find(channel);
    assertThat(holder).get().extracting(PublisherLease.Lease::nodeId).isEqualTo("node-b");
    assertThat(first.renew(holder.orElseThrow(), later.plusSeconds(1), Duration.ofSeconds(5))).isTrue();
    first.release(holder.orElseThrow());
    assertThat(first.find(channel)).isEmpty();
  }

  @Test
  void iamUsers_raceForOneNameInDifferentCases_exactlyOneWins() throws Exception {
    new JdbcIamStore(node(0).jdbc(), SecretCipher.load(dataDir, null))
        .accounts().createIfAbsent(new Account(ACCOUNT, NOW), "hash");
    List<Boolean> results = race(i -> {
      IamStore store = new JdbcIamStore(node(i).jdbc(), SecretCipher.load(dataDir, null));
      String name = i % 2 == 0 ? "Racer" : "RACER";
      return () -> {
        try {
          store.users().create(new User(IamIds.uniqueId("AIDA"), ACCOUNT, name, "/", NOW, null, null, List.of()));
          return true;
        } catch (dev.onair.protocol.error.AwsServiceException duplicate) {
          assertThat(duplicate.getMessage()).endsWith("already exists.");
          return false;
        }
      };
    });
    assertThat(results).containsOnlyOnce(true);
  }

  @Test
  void tags_raceToAddTheSameNewKey_everyCallSucceedsAndOneRowRemains() throws Exception {
    IamStore iam = new JdbcIamStore(node(0).jdbc(), SecretCipher.load(dataDir, null));
    iam.accounts().createIfAbsent(new Account(ACCOUNT, NOW), "hash");
    User user = new User(IamIds.uniqueId("AIDA"), ACCOUNT, "Tagged", "/", NOW, null, null, List.of());
    iam.users().create(user);
    Channel channel = channel("tagchannel01");
    ivs(0).channels().create(channel);
    // several rounds: each round's key is new, so every contender's update finds nothing and inserts
    for (int round = 0; round < 5; round++) {
      String key = "team" + round;
      List<Boolean> results = race(i -> {
        IamStore store = new JdbcIamStore(node(i).jdbc(), SecretCipher.load(dataDir, null));
        dev.onair.ivs.port.TagRepository ivsTags = ivs(i).tags();
        return () -> {
          store.tags().tag(dev.onair.iam.model.EntityType.USER, user.userId(),
              List.of(new dev.onair.iam.model.Tag(key, "v" + i)));
          ivsTags.put(channel.arn(), Map.of(key, "v" + i));
          return true;
        };
      });
      assertThat(results).containsOnly(true);
    }
    assertThat(iam.tags().tags(dev.onair.iam.model.EntityType.USER, user.userId())).hasSize(5);
    assertThat(ivs(1).tags().tags(channel.arn())).hasSize(5);
  }

  private List<Boolean> race(IntFunction<Callable<Boolean>> contender) throws Exception {
    CyclicBarrier start = new CyclicBarrier(CONTENDERS);
    List<Future<Boolean>> futures = new ArrayList<>();
    for (int i = 0; i < CONTENDERS; i++) {
      Callable<Boolean> work = contender.apply(i);
      futures.add(pool.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return work.call();
      }));
    }
    List<Boolean> results = new ArrayList<>();
    for (Future<Boolean> future : futures) {
      results.add(future.get(30, TimeUnit.SECONDS));
    }
    return results;
  }

  private static RecordingConfiguration recording(String id) {
    return new RecordingConfiguration(PREFIX + "recording-configuration/" + id, "r", "bucket",
        RecordingConfigurationState.ACTIVE, ThumbnailConfiguration.DEFAULT, 0, RenditionConfiguration.DEFAULT, NOW);
  }

  private long rows(String table) {
    return node(0).jdbc().transaction(tx -> tx.count("select count(*) from " + table));
  }

  private static StreamKey key(Channel channel, String id) {
    return new StreamKey(PREFIX + "stream-key/" + id, channel.arn(),
        Secret.of("sk_us-west-2_" + id + "_0123456789abcdefghijklmnopqrstuv"), NOW);
  }

  private static Channel channel(String id) {
    return new Channel(PREFIX + "channel/" + id, id, "LOW", "STANDARD", "", true, false, "", "",
        MultitrackInputConfiguration.DISABLED, "TS", NOW);
  }
}

package dev.onair.live.fakes;

import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.MultitrackInputConfiguration;
import dev.onair.ivs.model.PlaybackKeyPair;
import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.RecordingConfigurationState;
import dev.onair.ivs.model.RenditionConfiguration;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.model.Tagged;
import dev.onair.ivs.model.ThumbnailConfiguration;
import dev.onair.ivs.model.ViewerSessionRevocation;
import dev.onair.ivs.port.ChannelFilter;
import dev.onair.ivs.port.ChannelRepository;
import dev.onair.ivs.port.PlaybackKeyPairRepository;
import dev.onair.ivs.port.RecordingConfigurationRepository;
import dev.onair.ivs.port.StreamKeyRepository;
import dev.onair.ivs.port.ViewerSessionRevocationRepository;
import dev.onair.protocol.Secret;
import dev.onair.s3.ObjectWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Hand-written in-memory fakes of the IVS and S3 ports the data plane uses. */
public final class Fakes {
  private Fakes() {}

  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "123456789012";

  public static Channel channel(String id, boolean insecureIngest, String latencyMode, String container,
      String recordingArn, boolean authorized) {
    return new Channel("arn:aws:ivs:" + REGION + ":" + ACCOUNT + ":channel/" + id, "ch-" + id, latencyMode, "BASIC",
        recordingArn, authorized, insecureIngest, "", "", MultitrackInputConfiguration.DISABLED, container,
        Instant.parse("2024-01-01T00:00:00Z"));
  }

  public static StreamKey key(Channel channel, String id, String value) {
    return new StreamKey("arn:aws:ivs:" + REGION + ":" + ACCOUNT + ":stream-key/" + id, channel.arn(),
        Secret.of(value), Instant.parse("2024-01-01T00:00:00Z"));
  }

  public static RecordingConfiguration recording(String id, String bucket) {
    return new RecordingConfiguration("arn:aws:ivs:" + REGION + ":" + ACCOUNT + ":recording-configuration/" + id,
        "rc", bucket, RecordingConfigurationState.ACTIVE, ThumbnailConfiguration.DEFAULT, 0,
        RenditionConfiguration.DEFAULT, Instant.parse("2024-01-01T00:00:00Z"));
  }

  public static final class Channels implements ChannelRepository {
    public final Map<String, Channel> byArn = new ConcurrentHashMap<>();

    @Override
    public void create(Channel channel) {
      byArn.put(channel.arn(), channel);
    }

    /** The data plane only reads channels; IVS's CreateChannel is tested with onair-ivs's fakes. */
    @Override
    public boolean createWithinLimit(Channel channel, StreamKey streamKey, Map<String, String> tags, long limit) {
      throw new UnsupportedOperationException("the data plane never creates channels");
    }

    @Override
    public boolean update(Channel channel) {
      return byArn.replace(channel.arn(), channel) != null;
    }

    @Override
    public Optional<Channel> find(String arn) {
      return Optional.ofNullable(byArn.get(arn));
    }

    /** The data plane never tags channels. */
    @Override
    public Optional<Tagged<Channel>> findTagged(String arn) {
      return find(arn).map(channel -> new Tagged<>(channel, Map.of()));
    }

    @Override
    public boolean delete(String arn) {
      return byArn.remove(arn) != null;
    }

    @Override
    public List<Channel> page(String accountId, String region, ChannelFilter filter, String afterArn, int limit) {
      return List.copyOf(byArn.values());
    }

    @Override
    public long count(String accountId, String region) {
      return byArn.size();
    }

    @Override
    public boolean anyUsesRecordingConfiguration(String arn) {
      return false;
    }

    @Override
    public boolean anyUsesPlaybackRestrictionPolicy(String arn) {
      return false;
    }
  }

  public static final class StreamKeys implements StreamKeyRepository {
    public final Map<String, StreamKey> byArn = new ConcurrentHashMap<>();
    public int lookups;

    @Override
    public void create(StreamKey streamKey) {
      byArn.put(streamKey.arn(), streamKey);
    }

    @Override
    public Optional<StreamKey> find(String arn) {
      return Optional.ofNullable(byArn.get(arn));
    }

    @Override
    public Optional<StreamKey> findByValue(Secret value) {
      lookups++;
      return byArn.values().stream().filter(k -> k.value().equals(value)).findFirst();
    }

    @Override
    public List<StreamKey> findByChannel(String channelArn) {
      return byArn.values().stream().filter(k -> k.channelArn().equals(channelArn)).toList();
    }

    @Override
    public List<StreamKey> page(String channelArn, String afterArn, int limit) {
      return findByChannel(channelArn);
    }

    @Override
    public long countByChannel(String channelArn) {
      return findByChannel(channelArn).size();
    }

    @Override
    public boolean delete(String arn) {
      return byArn.remove(arn) != null;
    }
  }

  public static final class RecordingConfigurations implements RecordingConfigurationRepository {
    public final Map<String, RecordingConfiguration> byArn = new ConcurrentHashMap<>();

    @Override
    public void create(RecordingConfiguration configuration) {
      byArn.put(configuration.arn(), configuration);
    }

    @Override
    public Optional<RecordingConfiguration> find(String arn) {
      return Optional.ofNullable(byArn.get(arn));
    }

    @Override
    public boolean updateState(String arn, RecordingConfigurationState state) {
      return false;
    }

    @Override
    public boolean delete(String arn) {
      return byArn.remove(arn) != null;
    }

    @Override
    public List<RecordingConfiguration> page(String accountId, String region, String afterArn, int limit) {
      return List.copyOf(byArn.values());
    }

    @Override
    public long count(String accountId, String region) {
      return byArn.size();
    }
  }

  public static final class PlaybackKeys implements PlaybackKeyPairRepository {
    public final List<PlaybackKeyPair> pairs = new ArrayList<>();

    @Override
    public void create(PlaybackKeyPair keyPair) {
      pairs.add(keyPair);
    }

    @Override
    public Optional<PlaybackKeyPair> find(String arn) {
      return pairs.stream().filter(p -> p.arn().equals(arn)).findFirst();
    }

    @Override
    public Optional<PlaybackKeyPair> findByFingerprint(String accountId, String region, String fingerprint) {
      return Optional.empty();
    }

    @Override
    public boolean delete(String arn) {
      return pairs.removeIf(p -> p.arn().equals(arn));
    }

    @Override
    public List<PlaybackKeyPair> page(String accountId, String region, String afterArn, int limit) {
      return List.copyOf(pairs);
    }

    @Override
    public long count(String accountId, String region) {
      return pairs.size();
    }
  }

  public static final class Revocations implements ViewerSessionRevocationRepository {
    public final Map<String, ViewerSessionRevocation> byKey = new ConcurrentHashMap<>();

    @Override
    public void save(ViewerSessionRevocation revocation) {
      byKey.put(revocation.channelArn() + " " + revocation.viewerId(), revocation);
    }

    @Override
    public Optional<ViewerSessionRevocation> find(String channelArn, String viewerId) {
      return Optional.ofNullable(byKey.get(channelArn + " " + viewerId));
    }

    @Override
    public void deleteByChannel(String channelArn) {}
  }

  public static final class Objects implements ObjectWriter {
    public final Map<String, byte[]> stored = new TreeMap<>();

    @Override
    public synchronized String put(String bucket, String key, byte[] bytes, String contentType) {
      stored.put(bucket + "/" + key, bytes.clone());
      return "etag";
    }

    public synchronized List<String> keys() {
      return List.copyOf(stored.keySet());
    }

    public synchronized byte[] get(String bucketAndKey) {
      return stored.get(bucketAndKey);
    }
  }
}

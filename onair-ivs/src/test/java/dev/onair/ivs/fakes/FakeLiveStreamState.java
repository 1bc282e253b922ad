package dev.onair.ivs.fakes;

import dev.onair.ivs.model.LiveStream;
import dev.onair.ivs.model.StreamSession;
import dev.onair.ivs.port.LiveStreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A data plane the test drives by hand: put channels live, add sessions, observe stop/metadata/key calls. */
public final class FakeLiveStreamState implements LiveStreamState {
  public final Map<String, LiveStream> live = new ConcurrentHashMap<>();
  public final Map<String, List<StreamSession>> sessions = new ConcurrentHashMap<>();
  public final List<String> stopped = new ArrayList<>();
  public final List<String> metadata = new ArrayList<>();
  public final List<String> deletedKeys = new ArrayList<>();

  @Override
  public Optional<LiveStream> liveStream(String channelArn) {
    return Optional.ofNullable(live.get(channelArn));
  }

  @Override
  public List<LiveStream> liveStreams(String accountId, String region) {
    return live.values().stream()
        .filter(stream -> stream.channelArn().startsWith("arn:aws:ivs:" + region + ":" + accountId + ":"))
        .sorted(java.util.Comparator.comparing(LiveStream::channelArn))
        .toList();
  }

  @Override
  public List<StreamSession> sessions(String channelArn) {
    return sessions.getOrDefault(channelArn, List.of());
  }

  @Override
  public Optional<StreamSession> session(String channelArn, String streamId) {
    return sessions(channelArn).stream().filter(s -> s.streamId().equals(streamId)).findFirst();
  }

  @Override
  public boolean stopStream(String channelArn) {
    if (live.remove(channelArn) == null) {
      return false;
    }
    stopped.add(channelArn);
    return true;
  }

  @Override
  public boolean putMetadata(String channelArn, String value) {
    if (!live.containsKey(channelArn)) {
      return false;
    }
    metadata.add(value);
    return true;
  }

  @Override
  public void streamKeyDeleted(String channelArn, String streamKeyArn) {
    deletedKeys.add(streamKeyArn);
  }
}

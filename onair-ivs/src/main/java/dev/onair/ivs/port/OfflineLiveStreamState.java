package dev.onair.ivs.port;

import dev.onair.ivs.model.LiveStream;
import dev.onair.ivs.model.StreamSession;
import java.util.List;
import java.util.Optional;

/** No data plane: every channel is offline and has never broadcast. */
enum OfflineLiveStreamState implements LiveStreamState {
  INSTANCE;

  @Override
  public Optional<LiveStream> liveStream(String channelArn) {
    return Optional.empty();
  }

  @Override
  public List<LiveStream> liveStreams(String accountId, String region) {
    return List.of();
  }

  @Override
  public List<StreamSession> sessions(String channelArn) {
    return List.of();
  }

  @Override
  public Optional<StreamSession> session(String channelArn, String streamId) {
    return Optional.empty();
  }

  @Override
  public boolean stopStream(String channelArn) {
    return false;
  }

  @Override
  public boolean putMetadata(String channelArn, String metadata) {
    return false;
  }

  @Override
  public void streamKeyDeleted(String channelArn, String streamKeyArn) {}
}

package dev.onair.media.testing;

import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.rtmp.session.MediaSink;
import dev.onair.rtmp.session.StreamInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hand-written fake sink that records what it was told. */
public final class RecordingSink implements MediaSink {
  public final List<String> events = new CopyOnWriteArrayList<>();
  public volatile StreamInfo streamInfo;
  public volatile Map<String, Object> metadata;
  public volatile int videoFrames;
  public volatile int keyframes;
  public volatile int audioFrames;
  public volatile int ends;

  @Override
  public void onMetadata(Map<String, Object> metadata) {
    this.metadata = metadata;
    events.add("metadata");
  }

  @Override
  public void onStreamInfo(StreamInfo info) {
    streamInfo = info;
  }

  @Override
  public void onVideoConfig(long dtsMillis, AvcDecoderConfig config) {
    events.add("videoConfig " + config.codecString());
  }

  @Override
  public void onVideo(long dtsMillis, int compositionTimeMillis, boolean keyframe, byte[] avcc) {
    videoFrames++;
    if (keyframe) {
      keyframes++;
    }
  }

  @Override
  public void onAudioConfig(long dtsMillis, AacConfig config) {
    events.add("audioConfig " + config.codecString());
  }

  @Override
  public void onAudio(long dtsMillis, byte[] aacFrame) {
    audioFrames++;
  }

  @Override
  public void onEnd() {
    ends++;
    events.add("end");
  }
}

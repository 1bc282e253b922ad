package dev.onair.rtmp.session;

import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import java.util.List;
import java.util.Map;

/**
 * Receives one publish's media, already stripped of FLV tag headers. Calls come from a single
 * thread in stream order. Timestamps are milliseconds on a 64-bit timeline (RTMP's 32-bit
 * wrap-around is already undone).
 */
public interface MediaSink {
  /** {@code onMetaData} as sent by the encoder; advisory only. */
  default void onMetadata(Map<String, Object> metadata) {}

  /** Codec summary, sent whenever a sequence header changes it. */
  default void onStreamInfo(StreamInfo info) {}

  /** AVC sequence header; precedes the first frame and may change mid-stream. */
  void onVideoConfig(long dtsMillis, AvcDecoderConfig config);

  /**
   * One access unit in AVCC form (length-prefixed NAL units, {@code config.nalLengthSize()}).
   *
   * @param compositionTimeMillis PTS minus DTS, signed
   */
  void onVideo(long dtsMillis, int compositionTimeMillis, boolean keyframe, byte[] avcc);

  /** AAC AudioSpecificConfig; precedes the first audio frame. */
  void onAudioConfig(long dtsMillis, AacConfig config);

  /** One raw AAC frame (no ADTS header). */
  void onAudio(long dtsMillis, byte[] aacFrame);

  /** The publish ended (unpublish, disconnect, idle timeout or refusal). Called once. */
  void onEnd();

  /** Delivers every call to each sink in order, e.g. segmenter plus metrics. */
  static MediaSink fanOut(List<MediaSink> sinks) {
    // An array and plain loops: this runs for every frame, and a capturing lambda per call is not free.
    MediaSink[] copy = List.copyOf(sinks).toArray(new MediaSink[0]);
    return new MediaSink() {
      @Override
      public void onMetadata(Map<String, Object> metadata) {
        for (MediaSink s : copy) {
          s.onMetadata(metadata);
        }
      }

      @Override
      public void onStreamInfo(StreamInfo info) {
        for (MediaSink s : copy) {
          s.onStreamInfo(info);
        }
      }

      @Override
      public void onVideoConfig(long dtsMillis, AvcDecoderConfig config) {
        for (MediaSink s : copy) {
          s.onVideoConfig(dtsMillis, config);
        }
      }

      @Override
      public void onVideo(long dtsMillis, int cts, boolean keyframe, byte[] avcc) {
        for (MediaSink s : copy) {
          s.onVideo(dtsMillis, cts, keyframe, avcc);
        }
      }

      @Override
      public void onAudioConfig(long dtsMillis, AacConfig config) {
        for (MediaSink s : copy) {
          s.onAudioConfig(dtsMillis, config);
        }
      }

      @Override
      public void onAudio(long dtsMillis, byte[] aacFrame) {
        for (MediaSink s : copy) {
          s.onAudio(dtsMillis, aacFrame);
        }
      }

      @Override
      public void onEnd() {
        for (MediaSink s : copy) {
          s.onEnd();
        }
      }
    };
  }
}

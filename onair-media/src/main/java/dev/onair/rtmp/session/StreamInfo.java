package dev.onair.rtmp.session;

import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Codec facts of a publish, from the sequence headers (never from advisory metadata). Video
 * fields are null/0 when there is no video, audio fields likewise.
 *
 * @param videoCodec RFC 6381 string such as {@code avc1.64001F}, or {@code null}
 * @param frameRate from the SPS VUI timing info, 0 when the encoder did not signal it
 * @param audioCodec RFC 6381 string such as {@code mp4a.40.2}, or {@code null}
 */
public record StreamInfo(
    String videoCodec,
    int videoProfile,
    int videoLevel,
    int width,
    int height,
    double frameRate,
    String audioCodec,
    int audioObjectType,
    int sampleRate,
    int channels) {

  public static StreamInfo of(AvcDecoderConfig video, AacConfig audio) {
    return new StreamInfo(
        video == null ? null : video.codecString(),
        video == null ? 0 : video.profileIdc(),
        video == null ? 0 : video.levelIdc(),
        video == null ? 0 : video.spsInfo().width(),
        video == null ? 0 : video.spsInfo().height(),
        video == null ? 0 : video.spsInfo().frameRate(),
        audio == null ? null : audio.codecString(),
        audio == null ? 0 : audio.objectType(),
        audio == null ? 0 : audio.sampleRate(),
        audio == null ? 0 : audio.channelCount());
  }

  /** The HLS CODECS attribute value, e.g. {@code avc1.64001F,mp4a.40.2}. */
  public String codecs() {
    List<String> codecs = new ArrayList<>(2);
    if (videoCodec != null) {
      codecs.add(videoCodec);
    }
    if (audioCodec != null) {
      codecs.add(audioCodec);
    }
    return String.join(",", codecs);
  }
}

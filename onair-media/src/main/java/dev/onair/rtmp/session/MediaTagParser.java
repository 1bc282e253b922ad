package dev.onair.rtmp.session;

import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.media.codec.CodecException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns FLV audio/video tag bodies into {@link MediaSink} calls (streaming.md §1.7, §1.8).
 *
 * <p>Only legacy AVC (codec id 7) and AAC (sound format 10) are accepted. Anything else, and in
 * particular an Enhanced RTMP ex-header (HEVC/AV1/VP9 FourCCs), yields a {@link Rejection}
 * instead of being dropped silently, so the encoder learns why nobody can watch.
 */
final class MediaTagParser {
  /** Why a tag was refused; the session turns it into an error status. */
  record Rejection(String description) {}

  private final MediaSink sink;
  private final TimestampUnwrapper clock = new TimestampUnwrapper();
  private AvcDecoderConfig video;
  private AacConfig audio;

  MediaTagParser(MediaSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink is null");
  }

  /** @return a rejection, or {@code null} if the tag was accepted or harmlessly ignored */
  Rejection onVideo(long rtmpTimestamp, byte[] tag) {
    if (tag.length == 0) {
      return null;
    }
    int first = tag[0] & 0xFF;
    if ((first & 0x80) != 0) {
      String fourCc = tag.length >= 5 ? new String(tag, 1, 4, StandardCharsets.US_ASCII) : "?";
      return new Rejection("Enhanced RTMP video (" + fourCc + ") is not supported; send H.264");
    }
    int frameType = first >>> 4;
    int codecId = first & 0x0F;
    if (frameType == 5) {
      return null; // video info/command frame: carries no picture
    }
    if (codecId != 7) {
      return new Rejection("video codec id " + codecId + " is not supported; send H.264");
    }
    if (tag.length < 5) {
      return null;
    }
    long dts = clock.unwrap(rtmpTimestamp);
    int packetType = tag[1] & 0xFF;
    if (packetType == 0) {
      AvcDecoderConfig config;
      try {
        config = AvcDecoderConfig.parse(Arrays.copyOfRange(tag, 5, tag.length));
      } catch (CodecException e) {
        return new Rejection("invalid AVC sequence header: " + e.getMessage());
      }
      if (!config.equals(video)) {
        video = config;
        sink.onVideoConfig(dts, config);
        sink.onStreamInfo(StreamInfo.of(video, audio));
      }
    } else if (packetType == 1 && video != null) {
      // SI24, sign-extended: B-frames can have negative offsets after edits.
      int cts = ((tag[2] << 16) | ((tag[3] & 0xFF) << 8) | (tag[4] & 0xFF));
      sink.onVideo(dts, cts, frameType == 1, Arrays.copyOfRange(tag, 5, tag.length));
    }
    return null;
  }

  Rejection onAudio(long rtmpTimestamp, byte[] tag) {
    if (tag.length == 0) {
      return null;
    }
    int format = (tag[0] & 0xFF) >>> 4;
    if (format == 9) {
      String fourCc = tag.length >= 5 ? new String(tag, 1, 4, StandardCharsets.US_ASCII) : "?";
      return new Rejection("Enhanced RTMP audio (" + fourCc + ") is not supported; send AAC");
    }
    if (format != 10) {
      return new Rejection("audio format " + format + " is not supported; send AAC");
    }
    if (tag.length < 2) {
      return null;
    }
    long dts = clock.unwrap(rtmpTimestamp);
    if (tag[1] == 0) {
      AacConfig config;
      try {
        config = AacConfig.parse(Arrays.copyOfRange(tag, 2, tag.length));
      } catch (CodecException e) {
        return new Rejection("invalid AAC sequence header: " + e.getMessage());
      }
      if (!config.equals(audio)) {
        audio = config;
        sink.onAudioConfig(dts, config);
        sink.onStreamInfo(StreamInfo.of(video, audio));
      }
    } else if (audio != null && tag.length > 2) {
      sink.onAudio(dts, Arrays.copyOfRange(tag, 2, tag.length));
    }
    return null;
  }
}

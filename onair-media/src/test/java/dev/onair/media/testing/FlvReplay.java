package dev.onair.media.testing;

import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.rtmp.session.MediaSink;
import java.util.Arrays;
import java.util.List;

/** Feeds FLV tags to a {@link MediaSink} the way the RTMP session would (legacy AVC/AAC only). */
public final class FlvReplay {
  private FlvReplay() {}

  public static void replay(List<FlvTag> tags, MediaSink sink, boolean end) {
    for (FlvTag tag : tags) {
      byte[] d = tag.data();
      if (tag.isVideo() && d.length > 5 && (d[0] & 0x0F) == 7) {
        if (d[1] == 0) {
          sink.onVideoConfig(tag.timestamp(), AvcDecoderConfig.parse(Arrays.copyOfRange(d, 5, d.length)));
        } else if (d[1] == 1) {
          int cts = (d[2] << 16) | ((d[3] & 0xFF) << 8) | (d[4] & 0xFF);
          sink.onVideo(tag.timestamp(), cts, (d[0] & 0xF0) == 0x10, Arrays.copyOfRange(d, 5, d.length));
        }
      } else if (tag.isAudio() && d.length > 2 && (d[0] & 0xF0) == 0xA0) {
        if (d[1] == 0) {
          sink.onAudioConfig(tag.timestamp(), AacConfig.parse(Arrays.copyOfRange(d, 2, d.length)));
        } else {
          sink.onAudio(tag.timestamp(), Arrays.copyOfRange(d, 2, d.length));
        }
      }
    }
    if (end) {
      sink.onEnd();
    }
  }
}

package dev.onair.hls.segment;

import dev.onair.hls.mux.MediaBuffer;
import dev.onair.hls.mux.TsMuxer;
import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;

/**
 * MPEG-TS parts: frames are packetized as they arrive, a part is whatever accumulated. Every part
 * starts with PAT/PMT (two packets), so a part fetched on its own is decodable and a segment,
 * being its parts back to back, starts with them as RFC 8216 requires.
 */
final class TsSegmentWriter implements SegmentWriter {
  private final TsMuxer muxer = new TsMuxer();
  /**
   * Reused for every part (reset, not replaced), so it grows once to the largest part and stays there; the muxer
   * composes packets in it directly.
   */
  private final MediaBuffer buffer = new MediaBuffer(256 * 1024);

  TsSegmentWriter(AvcDecoderConfig video, AacConfig audio) {
    muxer.setVideoConfig(video);
    if (audio != null) {
      muxer.setAudioConfig(audio);
    }
  }

  @Override
  public byte[] initSection() {
    return null;
  }

  @Override
  public void beginSegment() {
    // Tables are written at the start of every part instead; see the class comment.
  }

  private void tablesIfPartStart() {
    if (buffer.size() == 0) {
      muxer.writeTables(buffer);
    }
  }

  @Override
  public void video(long dtsMillis, int ctsMillis, boolean keyframe, byte[] avcc) {
    tablesIfPartStart();
    muxer.writeVideo(dtsMillis, ctsMillis, keyframe, avcc, buffer);
  }

  @Override
  public void audio(long dtsMillis, byte[] aacFrame) {
    tablesIfPartStart();
    muxer.writeAudio(dtsMillis, aacFrame, buffer);
  }

  @Override
  public void metadata(long ptsMillis, byte[] id3Tag) {
    tablesIfPartStart();
    muxer.writeId3(ptsMillis, id3Tag, buffer);
  }

  @Override
  public byte[] flushPart(long endMillis) {
    byte[] bytes = buffer.toByteArray();
    buffer.reset();
    return bytes;
  }
}

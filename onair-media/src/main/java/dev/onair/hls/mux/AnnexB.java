package dev.onair.hls.mux;

import dev.onair.media.codec.AvcDecoderConfig;
import java.io.ByteArrayOutputStream;

/**
 * AVCC (length-prefixed) → Annex-B (start codes) for MPEG-TS, following nginx-rtmp's
 * {@code ngx_rtmp_hls_video}: an AUD first, SPS+PPS from the sequence header before every IDR,
 * and in-band AUD/SPS/PPS dropped so they are never duplicated.
 */
public final class AnnexB {
  private static final byte[] START_CODE = {0, 0, 0, 1};
  private static final byte[] AUD = {0, 0, 0, 1, 0x09, (byte) 0xF0};

  private AnnexB() {}

  public static byte[] fromAvcc(byte[] avcc, AvcDecoderConfig config) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(avcc.length + 64);
    write(avcc, config, out);
    return out.toByteArray();
  }

  /**
   * Appends the Annex-B form to {@code out}; the TS muxer passes a buffer it reuses for every frame, so the
   * conversion allocates nothing per frame.
   */
  public static void write(byte[] avcc, AvcDecoderConfig config, ByteArrayOutputStream out) {
    out.writeBytes(AUD);
    int lengthSize = config.nalLengthSize();
    boolean parameterSetsWritten = false;
    int offset = 0;
    while (offset + lengthSize <= avcc.length) {
      int length = 0;
      for (int i = 0; i < lengthSize; i++) {
        length = (length << 8) | (avcc[offset + i] & 0xFF);
      }
      offset += lengthSize;
      if (length <= 0 || length > avcc.length - offset) {
        break; // a corrupt length would only produce garbage; keep what was valid
      }
      int type = avcc[offset] & 0x1F;
      if (type == 7 || type == 8 || type == 9) {
        offset += length;
        continue;
      }
      if (type == 5 && !parameterSetsWritten) {
        for (byte[] sps : config.sps()) {
          out.writeBytes(START_CODE);
          out.writeBytes(sps);
        }
        for (byte[] pps : config.pps()) {
          out.writeBytes(START_CODE);
          out.writeBytes(pps);
        }
        parameterSetsWritten = true;
      }
      out.writeBytes(START_CODE);
      out.write(avcc, offset, length);
      offset += length;
    }
  }
}

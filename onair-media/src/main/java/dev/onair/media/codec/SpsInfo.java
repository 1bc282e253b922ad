package dev.onair.media.codec;

/**
 * What playlists and stream reports need from an H.264 sequence parameter set.
 *
 * @param frameRate frames per second from the VUI timing info, or 0 when absent
 */
public record SpsInfo(
    int profileIdc, int constraintFlags, int levelIdc, int width, int height, double frameRate) {

  /**
   * Parses an SPS NAL unit (header byte included, emulation prevention bytes still present).
   *
   * @throws CodecException if the bitstream is not a parsable SPS
   */
  public static SpsInfo parse(byte[] nal) {
    if (nal.length < 4 || (nal[0] & 0x1F) != 7) {
      throw new CodecException("not an SPS NAL unit");
    }
    byte[] rbsp = unescape(nal);
    BitReader r = new BitReader(rbsp, 1, rbsp.length - 1);
    int profile = r.readBits(8);
    int constraints = r.readBits(8);
    int level = r.readBits(8);
    r.readUe(); // seq_parameter_set_id
    int chromaFormat = 1;
    if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44
        || profile == 83 || profile == 86 || profile == 118 || profile == 128 || profile == 138
        || profile == 139 || profile == 134 || profile == 135) {
      chromaFormat = r.readUe();
      if (chromaFormat == 3) {
        r.readBit(); // separate_colour_plane_flag
      }
      r.readUe(); // bit_depth_luma_minus8
      r.readUe(); // bit_depth_chroma_minus8
      r.readBit(); // qpprime_y_zero_transform_bypass_flag
      if (r.readFlag()) { // seq_scaling_matrix_present_flag
        int lists = chromaFormat == 3 ? 12 : 8;
        for (int i = 0; i < lists; i++) {
          if (r.readFlag()) {
            skipScalingList(r, i < 6 ? 16 : 64);
          }
        }
      }
    }
    r.readUe(); // log2_max_frame_num_minus4
    int pocType = r.readUe();
    if (pocType == 0) {
      r.readUe();
    } else if (pocType == 1) {
      r.readBit();
      r.readSe();
      r.readSe();
      int cycle = r.readUe();
      if (cycle > 255) {
        throw new CodecException("num_ref_frames_in_pic_order_cnt_cycle too large");
      }
      for (int i = 0; i < cycle; i++) {
        r.readSe();
      }
    }
    r.readUe(); // max_num_ref_frames
    r.readBit(); // gaps_in_frame_num_value_allowed_flag
    int widthMbs = r.readUe() + 1;
    int heightMapUnits = r.readUe() + 1;
    boolean frameMbsOnly = r.readFlag();
    if (!frameMbsOnly) {
      r.readBit(); // mb_adaptive_frame_field_flag
    }
    r.readBit(); // direct_8x8_inference_flag
    int cropLeft = 0;
    int cropRight = 0;
    int cropTop = 0;
    int cropBottom = 0;
    if (r.readFlag()) {
      cropLeft = r.readUe();
      cropRight = r.readUe();
      cropTop = r.readUe();
      cropBottom = r.readUe();
    }
    int cropUnitX = chromaFormat == 0 || chromaFormat == 3 ? 1 : 2;
    int cropUnitY = (chromaFormat == 1 ? 2 : 1) * (frameMbsOnly ? 1 : 2);
    if (chromaFormat == 0) {
      cropUnitY = frameMbsOnly ? 1 : 2;
    }
    int width = widthMbs * 16 - cropUnitX * (cropLeft + cropRight);
    int height = (2 - (frameMbsOnly ? 1 : 0)) * heightMapUnits * 16 - cropUnitY * (cropTop + cropBottom);
    double frameRate = 0;
    try {
      if (r.readFlag()) { // vui_parameters_present_flag
        frameRate = readVuiFrameRate(r);
      }
    } catch (CodecException e) {
      // A truncated VUI still leaves a usable resolution; frame rate stays unknown.
      frameRate = 0;
    }
    return new SpsInfo(profile, constraints, level, width, height, frameRate);
  }

  private static double readVuiFrameRate(BitReader r) {
    if (r.readFlag()) { // aspect_ratio_info_present_flag
      if (r.readBits(8) == 255) {
        r.skipBits(32);
      }
    }
    if (r.readFlag()) { // overscan_info_present_flag
      r.readBit();
    }
    if (r.readFlag()) { // video_signal_type_present_flag
      r.skipBits(4);
      if (r.readFlag()) {
        r.skipBits(24);
      }
    }
    if (r.readFlag()) { // chroma_loc_info_present_flag
      r.readUe();
      r.readUe();
    }
    if (r.readFlag()) { // timing_info_present_flag
      long unitsInTick = r.readBits(32) & 0xFFFFFFFFL;
      long timeScale = r.readBits(32) & 0xFFFFFFFFL;
      if (unitsInTick > 0) {
        // H.264 counts fields: one frame is two ticks.
        return Math.round(timeScale * 1000.0 / (2.0 * unitsInTick)) / 1000.0;
      }
    }
    return 0;
  }

  private static void skipScalingList(BitReader r, int size) {
    int last = 8;
    int next = 8;
    for (int j = 0; j < size; j++) {
      if (next != 0) {
        next = (last + r.readSe() + 256) % 256;
      }
      last = next == 0 ? last : next;
    }
  }

  /** Removes emulation prevention bytes (00 00 03 → 00 00). */
  static byte[] unescape(byte[] nal) {
    byte[] out = new byte[nal.length];
    int n = 0;
    int zeros = 0;
    for (byte b : nal) {
      if (zeros >= 2 && b == 3) {
        zeros = 0;
        continue;
      }
      out[n++] = b;
      zeros = b == 0 ? zeros + 1 : 0;
    }
    return java.util.Arrays.copyOf(out, n);
  }
}

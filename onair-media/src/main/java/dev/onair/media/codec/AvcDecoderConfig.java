package dev.onair.media.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.2.4.1) as carried in the FLV AVC
 * sequence header, with the first SPS decoded.
 *
 * @param record the record byte for byte, as fMP4's {@code avcC} box needs it
 * @param nalLengthSize bytes per NAL length prefix in the AVCC samples (1, 2 or 4)
 * @param sps the sequence parameter sets (NAL header byte included)
 * @param pps the picture parameter sets
 */
public record AvcDecoderConfig(
    byte[] record,
    int profileIdc,
    int profileCompatibility,
    int levelIdc,
    int nalLengthSize,
    List<byte[]> sps,
    List<byte[]> pps,
    SpsInfo spsInfo) {

  public AvcDecoderConfig {
    sps = List.copyOf(sps);
    pps = List.copyOf(pps);
  }

  /**
   * Parses the record.
   *
   * @throws CodecException if it is truncated, has no SPS, or the SPS cannot be decoded
   */
  public static AvcDecoderConfig parse(byte[] record) {
    if (record.length < 7 || record[0] != 1) {
      throw new CodecException("not an AVCDecoderConfigurationRecord");
    }
    int lengthSize = (record[4] & 0x03) + 1;
    if (lengthSize == 3) {
      throw new CodecException("NAL length size 3 is not allowed");
    }
    int offset = 5;
    List<byte[]> sps = new ArrayList<>();
    int spsCount = record[offset++] & 0x1F;
    for (int i = 0; i < spsCount; i++) {
      offset = readParameterSet(record, offset, sps);
    }
    List<byte[]> pps = new ArrayList<>();
    if (offset >= record.length) {
      throw new CodecException("AVC config truncated before PPS count");
    }
    int ppsCount = record[offset++] & 0xFF;
    for (int i = 0; i < ppsCount; i++) {
      offset = readParameterSet(record, offset, pps);
    }
    if (sps.isEmpty()) {
      throw new CodecException("AVC config without SPS");
    }
    SpsInfo info = SpsInfo.parse(sps.get(0));
    return new AvcDecoderConfig(
        record.clone(), record[1] & 0xFF, record[2] & 0xFF, record[3] & 0xFF, lengthSize, sps, pps, info);
  }

  /** RFC 6381 codec string, e.g. {@code avc1.64001F}. */
  public String codecString() {
    return String.format(Locale.ROOT, "avc1.%02X%02X%02X", profileIdc, profileCompatibility, levelIdc);
  }

  private static int readParameterSet(byte[] record, int offset, List<byte[]> into) {
    if (offset + 2 > record.length) {
      throw new CodecException("AVC config truncated");
    }
    int length = ((record[offset] & 0xFF) << 8) | (record[offset + 1] & 0xFF);
    offset += 2;
    if (length == 0 || offset + length > record.length) {
      throw new CodecException("AVC parameter set length out of range");
    }
    byte[] set = new byte[length];
    System.arraycopy(record, offset, set, 0, length);
    into.add(set);
    return offset + length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AvcDecoderConfig that && java.util.Arrays.equals(record, that.record);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(record);
  }

  @Override
  public String toString() {
    return "AvcDecoderConfig[" + codecString() + " " + spsInfo.width() + "x" + spsInfo.height() + "]";
  }
}

package dev.onair.media.codec;

/**
 * An MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) from the FLV AAC sequence header.
 *
 * @param record the config bytes as the {@code esds} box needs them
 * @param objectType audio object type (2 = AAC-LC, 5 = SBR/HE-AAC, 29 = PS)
 * @param samplingIndex index into the MPEG-4 sample rate table, or 15 for an explicit rate
 * @param sampleRate samples per second
 * @param channelConfig channel configuration (1 mono, 2 stereo, ...; 0 means defined in-band)
 */
public record AacConfig(byte[] record, int objectType, int samplingIndex, int sampleRate, int channelConfig) {
  private static final int[] SAMPLE_RATES = {
    96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
  };

  /**
   * Parses the config.
   *
   * @throws CodecException if truncated or the sample rate index is reserved
   */
  public static AacConfig parse(byte[] record) {
    if (record.length < 2) {
      throw new CodecException("AudioSpecificConfig shorter than 2 bytes");
    }
    BitReader r = new BitReader(record);
    int objectType = r.readBits(5);
    if (objectType == 31) {
      objectType = 32 + r.readBits(6);
    }
    int index = r.readBits(4);
    int rate;
    if (index == 15) {
      rate = r.readBits(24);
    } else if (index < SAMPLE_RATES.length) {
      rate = SAMPLE_RATES[index];
    } else {
      throw new CodecException("reserved AAC sampling index " + index);
    }
    int channels = r.readBits(4);
    return new AacConfig(record.clone(), objectType, index, rate, channels);
  }

  /** RFC 6381 codec string, e.g. {@code mp4a.40.2}. */
  public String codecString() {
    return "mp4a.40." + objectType;
  }

  /** Channel count for players; configuration 7 is 7.1 (8 channels). */
  public int channelCount() {
    return channelConfig == 7 ? 8 : channelConfig;
  }

  /** Index usable in an ADTS header: ADTS cannot carry an explicit rate, so map to the nearest. */
  public int adtsSamplingIndex() {
    if (samplingIndex < SAMPLE_RATES.length) {
      return samplingIndex;
    }
    int best = 0;
    for (int i = 1; i < SAMPLE_RATES.length; i++) {
      if (Math.abs(SAMPLE_RATES[i] - sampleRate) < Math.abs(SAMPLE_RATES[best] - sampleRate)) {
        best = i;
      }
    }
    return best;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AacConfig that && java.util.Arrays.equals(record, that.record);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(record);
  }

  @Override
  public String toString() {
    return "AacConfig[" + codecString() + " " + sampleRate + "Hz ch" + channelConfig + "]";
  }
}

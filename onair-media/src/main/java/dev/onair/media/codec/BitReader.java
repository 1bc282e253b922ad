package dev.onair.media.codec;

/** MSB-first bit reader with Exp-Golomb codes, as H.264 SPS and AAC configs need. */
final class BitReader {
  private final byte[] data;
  private final int limitBits;
  private int position;

  BitReader(byte[] data) {
    this(data, 0, data.length);
  }

  BitReader(byte[] data, int offset, int length) {
    this.data = data;
    this.position = offset * 8;
    this.limitBits = (offset + length) * 8;
  }

  int readBit() {
    if (position >= limitBits) {
      throw new CodecException("read past end of bitstream");
    }
    int bit = (data[position >>> 3] >>> (7 - (position & 7))) & 1;
    position++;
    return bit;
  }

  int readBits(int count) {
    int value = 0;
    for (int i = 0; i < count; i++) {
      value = (value << 1) | readBit();
    }
    return value;
  }

  boolean readFlag() {
    return readBit() == 1;
  }

  void skipBits(int count) {
    for (int i = 0; i < count; i++) {
      readBit();
    }
  }

  /** ue(v): unsigned Exp-Golomb. */
  int readUe() {
    int leadingZeros = 0;
    while (readBit() == 0) {
      leadingZeros++;
      if (leadingZeros > 31) {
        throw new CodecException("Exp-Golomb code too long");
      }
    }
    return (int) ((1L << leadingZeros) - 1 + (leadingZeros == 0 ? 0 : readBits(leadingZeros) & 0xFFFFFFFFL));
  }

  /** se(v): signed Exp-Golomb. */
  int readSe() {
    int value = readUe();
    return (value & 1) == 1 ? (value + 1) / 2 : -(value / 2);
  }
}

package dev.onair.media.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Minimal FLV file reader for tests (FLV spec v10.1 §E.2–E.4). */
public final class FlvReader {
  private FlvReader() {}

  public static List<FlvTag> read(byte[] file) {
    ByteBuffer in = ByteBuffer.wrap(file);
    if (file.length < 13 || file[0] != 'F' || file[1] != 'L' || file[2] != 'V') {
      throw new IllegalArgumentException("not an FLV file");
    }
    in.position(5);
    int headerSize = in.getInt();
    in.position(headerSize + 4); // skip PreviousTagSize0
    List<FlvTag> tags = new ArrayList<>();
    while (in.remaining() >= 11) {
      int type = in.get() & 0x1F;
      int size = u24(in);
      long timestamp = u24(in) | ((in.get() & 0xFFL) << 24);
      u24(in); // stream id, always 0
      if (in.remaining() < size + 4) {
        break;
      }
      byte[] data = Arrays.copyOfRange(file, in.position(), in.position() + size);
      in.position(in.position() + size + 4);
      tags.add(new FlvTag(type, timestamp, data));
    }
    return tags;
  }

  private static int u24(ByteBuffer in) {
    return ((in.get() & 0xFF) << 16) | ((in.get() & 0xFF) << 8) | (in.get() & 0xFF);
  }
}

package dev.onair.it.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Just enough CBOR (RFC 8949) to write valid seeds and deliberately broken ones. */
final class Cbor {
  private Cbor() {}

  /** A timestamp as smithy-rpc-v2-cbor sends it: tag 1 + epoch seconds. */
  record Epoch(long seconds) {}

  static Epoch epoch(long seconds) {
    return new Epoch(seconds);
  }

  static byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(value, out);
    return out.toByteArray();
  }

  private static void write(Object value, ByteArrayOutputStream out) {
    if (value instanceof Map<?, ?> map) {
      head(5, map.size(), out);
      map.forEach((k, v) -> {
        write(k, out);
        write(v, out);
      });
    } else if (value instanceof List<?> list) {
      head(4, list.size(), out);
      list.forEach(v -> write(v, out));
    } else if (value instanceof String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      head(3, bytes.length, out);
      out.writeBytes(bytes);
    } else if (value instanceof Integer || value instanceof Long) {
      long n = ((Number) value).longValue();
      if (n >= 0) {
        head(0, n, out);
      } else {
        head(1, -1 - n, out);
      }
    } else if (value instanceof Double d) {
      out.write(0xFB);
      long bits = Double.doubleToLongBits(d);
      for (int i = 7; i >= 0; i--) {
        out.write((int) (bits >>> (i * 8)));
      }
    } else if (value instanceof Epoch epoch) {
      out.write(0xC1);
      head(0, epoch.seconds(), out);
    } else if (value instanceof Boolean b) {
      out.write(b ? 0xF5 : 0xF4);
    } else {
      out.write(0xF6);
    }
  }

  private static void head(int major, long n, ByteArrayOutputStream out) {
    int m = major << 5;
    if (n < 24) {
      out.write(m | (int) n);
    } else if (n < 0x100) {
      out.write(m | 24);
      out.write((int) n);
    } else if (n < 0x10000) {
      out.write(m | 25);
      out.write((int) (n >> 8));
      out.write((int) n);
    } else if (n < 0x100000000L) {
      out.write(m | 26);
      for (int i = 3; i >= 0; i--) {
        out.write((int) (n >>> (i * 8)));
      }
    } else {
      out.write(m | 27);
      for (int i = 7; i >= 0; i--) {
        out.write((int) (n >>> (i * 8)));
      }
    }
  }

  /** Structurally hostile CBOR: huge declared lengths, indefinite items never closed, reserved values, tags. */
  static byte[] hostile(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int items = 1 + random.nextInt(40);
    for (int i = 0; i < items; i++) {
      switch (random.nextInt(8)) {
        case 0 -> head(random.nextInt(8), random.nextLong() & Long.MAX_VALUE, out); // any major, huge argument
        case 1 -> out.write(0x5F + 0x20 * random.nextInt(2)); // indefinite byte/text string
        case 2 -> out.write(0x9F + 0x20 * random.nextInt(2)); // indefinite array/map
        case 3 -> out.write(0x1C + random.nextInt(3) + 0x20 * random.nextInt(8)); // reserved additional info 28-30
        case 4 -> out.write(0xFF); // break outside an indefinite item
        case 5 -> {
          out.write(0xD8);
          out.write(random.nextInt(256)); // a tag around whatever follows
        }
        case 6 -> out.write(0xF8 + random.nextInt(8)); // simple values / floats without their bytes
        default -> out.write(random.nextInt(256));
      }
    }
    return out.toByteArray();
  }
}

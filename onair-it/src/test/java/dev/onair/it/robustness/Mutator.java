package dev.onair.it.robustness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Byte-level mutations of valid seeds, plus the nasty values parsers tend to miss. */
final class Mutator {
  /** Invalid or awkward UTF-8: lone continuation, overlong, surrogate, truncated, 0xFF, NUL, BOM. */
  static final byte[][] BAD_UTF8 = {
    {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
    {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3, (byte) 0x28}
  };
  static final List<String> NASTY = List.of(
      "%", "%%", "%zz", "%FF", "%C0%AF", "&", "=", "&&&===", "\\", "\"", "'", "\\u0000", "\\ud800", "${x}",
      "${aws:username}", "*", "?", "arn:", "arn:aws:", "::::::", "9999999999999999999999999", "-1", "1e309", "NaN",
      "null", "true", "[]", "{}", "[[[[[[[[", "}}}}", "<", "<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>",
      "\r\n", "\r\nX-Injected: 1", " ", "\t");

  private final Random random;

  Mutator(Random random) {
    this.random = random;
  }

  Random random() {
    return random;
  }

  /** One to four stacked mutations of {@code seed}. */
  byte[] mutate(byte[] seed) {
    byte[] data = seed;
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      data = once(data);
    }
    return data;
  }

  private byte[] once(byte[] data) {
    int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
    switch (random.nextInt(10)) {
      case 0: { // flip bits
        byte[] out = data.clone();
        for (int i = 0; i < 1 + random.nextInt(4) && out.length > 0; i++) {
          out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
      }
      case 1: { // random byte values
        byte[] out = data.clone();
        for (int i = 0; i < 1 + random.nextInt(4) && out.length > 0; i++) {
          out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
      }
      case 2: // delete a range
        if (data.length == 0) {
          return data;
        }
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(Math.max(1, data.length / 4)));
        return splice(data, from, to, new byte[0]);
      case 3: // duplicate a range
        if (data.length == 0) {
          return data;
        }
        int start = random.nextInt(data.length);
        int end = Math.min(data.length, start + 1 + random.nextInt(32));
        return splice(data, at, at, Arrays.copyOfRange(data, start, end));
      case 4: // truncate
        return Arrays.copyOf(data, at);
      case 5:
        return splice(data, at, at, BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
      case 6:
        return splice(data, at, at, NASTY.get(random.nextInt(NASTY.size())).getBytes(StandardCharsets.UTF_8));
      case 7: { // random bytes
        byte[] noise = new byte[1 + random.nextInt(64)];
        random.nextBytes(noise);
        return splice(data, at, at, noise);
      }
      case 8: { // a long run of one character (deep nesting, huge numbers, long names)
        byte[] run = new byte[1 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 300)];
        Arrays.fill(run, (byte) "[{9a%&=\"".charAt(random.nextInt(8)));
        return splice(data, at, at, run);
      }
      default: { // swap two bytes
        byte[] out = data.clone();
        if (out.length > 1) {
          int a = random.nextInt(out.length);
          int b = random.nextInt(out.length);
          byte t = out[a];
          out[a] = out[b];
          out[b] = t;
        }
        return out;
      }
    }
  }

  static byte[] splice(byte[] data, int from, int to, byte[] insert) {
    byte[] out = new byte[data.length - (to - from) + insert.length];
    System.arraycopy(data, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(data, to, out, from + insert.length, data.length - to);
    return out;
  }

  byte[] randomBytes(int max) {
    byte[] out = new byte[random.nextInt(max + 1)];
    random.nextBytes(out);
    return out;
  }
}

package dev.onair.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Inputs for one parser: one in ten is random bytes, {@code hostileShare} in ten come from the parser's own
 * generator of structurally hostile documents (deep nesting, length-field lies…), the rest are one to four stacked
 * mutations of a valid seed (bit flips, byte changes, deleted, duplicated or truncated ranges, splices with another
 * seed, invalid UTF-8, format tokens, long runs of a nesting character). Every input is capped at {@code cap} bytes,
 * the size the server lets reach that parser.
 */
final class Mutator {
  /** Invalid or awkward UTF-8: lone continuation, overlong, surrogate, truncated, 0xFF, NUL, BOM, past U+10FFFF. */
  static final byte[][] BAD_UTF8 = {
    {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
    {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3, (byte) 0x28}
  };

  private final List<byte[]> seeds;
  private final List<byte[]> tokens;
  private final byte[] runCharacters;
  private final int cap;

  /**
   * @param tokens format-specific fragments worth inserting (delimiters, keywords, escapes)
   * @param runCharacters characters repeated in long runs (the format's openers, digits…)
   */
  Mutator(List<byte[]> seeds, List<String> tokens, String runCharacters, int cap) {
    this.seeds = List.copyOf(seeds);
    List<byte[]> encoded = new ArrayList<>();
    tokens.forEach(token -> encoded.add(token.getBytes(StandardCharsets.UTF_8)));
    this.tokens = encoded;
    this.runCharacters = runCharacters.getBytes(StandardCharsets.ISO_8859_1);
    this.cap = cap;
  }

  static List<byte[]> utf8(String... texts) {
    List<byte[]> out = new ArrayList<>();
    for (String text : texts) {
      out.add(text.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Random bytes, hostile documents from {@code hostile} ({@code hostileShare} in ten) and mutated seeds. */
  Arbitrary<byte[]> inputs(int hostileShare, Function<Random, byte[]> hostile) {
    return Arbitraries.randomValue(random -> {
      int kind = random.nextInt(10);
      byte[] input;
      if (kind == 0) {
        input = randomBytes(random, random.nextInt(8) == 0 ? 65_536 : 1024);
      } else if (kind <= hostileShare) {
        input = hostile.apply(random);
      } else {
        input = mutate(random, seeds.get(random.nextInt(seeds.size())));
      }
      return input.length > cap ? Arrays.copyOf(input, cap) : input;
    });
  }

  byte[] mutate(Random random, byte[] seed) {
    byte[] data = seed;
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      data = once(random, data);
    }
    return data;
  }

  private byte[] once(Random random, byte[] data) {
    int at = random.nextInt(data.length + 1);
    switch (random.nextInt(11)) {
      case 0: { // flip bits
        byte[] out = data.clone();
        for (int i = 0; i < 1 + random.nextInt(4) && out.length > 0; i++) {
          out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
      }
      case 1: { // interesting byte values (0, 0x7F, 0x80, 0xFF…) and random ones
        byte[] out = data.clone();
        byte[] interesting = {0, 1, 0x7F, (byte) 0x80, (byte) 0xFF, (byte) 0xFE, 0x20, 0x0A};
        for (int i = 0; i < 1 + random.nextInt(4) && out.length > 0; i++) {
          out[random.nextInt(out.length)] = random.nextBoolean()
              ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
        }
        return out;
      }
      case 2: { // delete a range
        if (data.length == 0) {
          return data;
        }
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(Math.max(1, data.length / 4)));
        return splice(data, from, to, new byte[0]);
      }
      case 3: { // duplicate a range (repeated members, repeated chunks)
        if (data.length == 0) {
          return data;
        }
        int start = random.nextInt(data.length);
        int end = Math.min(data.length, start + 1 + random.nextInt(64));
        byte[] range = Arrays.copyOfRange(data, start, end);
        int times = 1 + (random.nextInt(8) == 0 ? random.nextInt(2_000) : 0);
        byte[] repeated = new byte[range.length * times];
        for (int i = 0; i < times; i++) {
          System.arraycopy(range, 0, repeated, i * range.length, range.length);
        }
        return splice(data, at, at, repeated);
      }
      case 4: // truncate
        return Arrays.copyOf(data, at);
      case 5: { // splice: this seed's head with another seed's tail
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        int from = random.nextInt(other.length + 1);
        return splice(Arrays.copyOf(data, at), at, at, Arrays.copyOfRange(other, from, other.length));
      }
      case 6:
        return splice(data, at, at, BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
      case 7:
        return tokens.isEmpty() ? data : splice(data, at, at, tokens.get(random.nextInt(tokens.size())));
      case 8: // random bytes
        return splice(data, at, at, randomBytes(random, 64));
      case 9: { // a long run of one character: deep nesting, huge numbers, long names
        byte[] run = new byte[1 + random.nextInt(random.nextInt(10) == 0 ? 50_000 : 300)];
        Arrays.fill(run, runCharacters[random.nextInt(runCharacters.length)]);
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

  static byte[] randomBytes(Random random, int max) {
    byte[] out = new byte[random.nextInt(max + 1)];
    random.nextBytes(out);
    return out;
  }

  static byte[] repeat(String text, int times) {
    return text.repeat(times).getBytes(StandardCharsets.UTF_8);
  }
}

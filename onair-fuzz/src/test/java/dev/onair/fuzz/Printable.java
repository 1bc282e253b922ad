package dev.onair.fuzz;

import java.nio.charset.StandardCharsets;

/** A failing input as a readable, bounded line: escapes for control and non-ASCII bytes, the total length. */
final class Printable {
  private static final int SHOWN = 400;

  private Printable() {}

  static String of(Object input) {
    byte[] bytes = input instanceof byte[] b ? b : String.valueOf(input).getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder("input (").append(bytes.length).append(" bytes): ");
    for (int i = 0; i < Math.min(bytes.length, SHOWN); i++) {
      int b = bytes[i] & 0xFF;
      if (b >= 0x20 && b < 0x7F && b != '\\') {
        out.append((char) b);
      } else {
        out.append(String.format("\\x%02x", b));
      }
    }
    return bytes.length > SHOWN ? out.append("...").toString() : out.toString();
  }
}

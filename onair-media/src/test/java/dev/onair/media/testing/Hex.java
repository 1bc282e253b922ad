package dev.onair.media.testing;

import java.io.ByteArrayOutputStream;

/** Byte helpers for table-driven tests. */
public final class Hex {
  private Hex() {}

  /** Parses hex digits, ignoring spaces. */
  public static byte[] hex(String text) {
    String digits = text.replace(" ", "");
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  /** {@code count} bytes counting up from {@code start}. */
  public static byte[] fill(int count, int start) {
    byte[] out = new byte[count];
    for (int i = 0; i < count; i++) {
      out[i] = (byte) (start + i);
    }
    return out;
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

package dev.onair.protocol.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes application/x-www-form-urlencoded text (Query protocol bodies and query strings). Strict about UTF-8:
 * invalid byte sequences are reported rather than silently replaced, so the caller can answer with a client error.
 */
public final class FormDecoder {
  private FormDecoder() {}

  /** Thrown when the text is not valid form encoding (bad escape or invalid UTF-8). */
  public static final class MalformedFormException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedFormException(String message) {
      super(message, null, false, false);
    }
  }

  public static List<Map.Entry<String, String>> decode(String text) {
    List<Map.Entry<String, String>> result = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return result;
    }
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      result.add(Map.entry(component(name), component(value)));
    }
    return result;
  }

  public static List<Map.Entry<String, String>> decode(byte[] body) {
    return decode(utf8(body));
  }

  /** Decodes bytes as strict UTF-8. */
  public static String utf8(byte[] bytes) {
    if (isAscii(bytes)) {
      // ASCII is valid UTF-8 as it is; Query bodies nearly always are, and a decoder per call is the slow part
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedFormException("Invalid UTF-8 in request");
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static String component(String encoded) {
    if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
      return encoded;
    }
    // Escapes are ASCII, so decoding on the UTF-8 bytes of the text is exact even when a client sent raw
    // non-ASCII characters beside them; the output is never longer than the input bytes.
    byte[] in = encoded.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[in.length];
    int length = 0;
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '+') {
        out[length++] = ' ';
      } else if (b == '%') {
        if (i + 2 >= in.length) {
          throw new MalformedFormException("Incomplete percent escape in request");
        }
        int high = Character.digit(in[i + 1], 16);
        int low = Character.digit(in[i + 2], 16);
        if (high < 0 || low < 0) {
          throw new MalformedFormException("Invalid percent escape in request");
        }
        out[length++] = (byte) ((high << 4) | low);
        i += 2;
      } else {
        out[length++] = b;
      }
    }
    return utf8(java.util.Arrays.copyOf(out, length));
  }
}

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

  private static String component(String encoded) {
    if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
      return encoded;
    }
    byte[] out = new byte[encoded.length()];
    int length = 0;
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '+') {
        out[length++] = ' ';
      } else if (c == '%') {
        if (i + 2 >= encoded.length()) {
          throw new MalformedFormException("Incomplete percent escape in request");
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new MalformedFormException("Invalid percent escape in request");
        }
        out[length++] = (byte) ((high << 4) | low);
        i += 2;
      } else if (c < 0x80) {
        out[length++] = (byte) c;
      } else {
        byte[] encodedChar = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (length + encodedChar.length > out.length) {
          byte[] bigger = new byte[out.length * 2 + encodedChar.length];
          System.arraycopy(out, 0, bigger, 0, length);
          out = bigger;
        }
        System.arraycopy(encodedChar, 0, out, length, encodedChar.length);
        length += encodedChar.length;
      }
    }
    byte[] exact = new byte[length];
    System.arraycopy(out, 0, exact, 0, length);
    return utf8(exact);
  }
}

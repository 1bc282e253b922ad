package dev.onair.s3.blob;

import dev.onair.s3.S3ErrorCode;
import dev.onair.s3.S3Errors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Maps object keys to filesystem paths and back. Each '/'-separated key segment becomes one path element, so
 * listing a prefix only walks its subtree. Elements are tagged 'd' (directory) or 'o' (object): the key {@code a}
 * and the key {@code a/b} can then coexist, and segments like {@code ..} or empty ones ({@code a//b}) are safe.
 * Everything outside {@code [A-Za-z0-9._-]} is percent-encoded. A segment longer than a file name may be is split
 * over several elements tagged 'c' (continues in the next element).
 */
public final class KeyPaths {
  /** S3's key limit in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 1024;

  // Linux's NAME_MAX is 255; leave room for the tag
  private static final int MAX_ELEMENT = 250;

  private KeyPaths() {}

  public static Path toPath(Path objectsRoot, String key) {
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw S3Errors.of(S3ErrorCode.KEY_TOO_LONG, S3ErrorCode.KEY_TOO_LONG.defaultMessage(), "Key", key);
    }
    String[] segments = key.split("/", -1);
    Path path = objectsRoot;
    for (int i = 0; i < segments.length; i++) {
      path = resolveSegment(path, segments[i], i == segments.length - 1 ? 'o' : 'd');
    }
    return path;
  }

  private static Path resolveSegment(Path parent, String segment, char tag) {
    String encoded = encode(segment);
    Path path = parent;
    while (encoded.length() > MAX_ELEMENT) {
      int cut = MAX_ELEMENT;
      // never split a %XX escape
      if (encoded.charAt(cut - 1) == '%') {
        cut -= 1;
      } else if (encoded.charAt(cut - 2) == '%') {
        cut -= 2;
      }
      path = path.resolve("c" + encoded.substring(0, cut));
      encoded = encoded.substring(cut);
    }
    return path.resolve(tag + encoded);
  }

  /** The directory holding every key that starts with {@code prefix}. */
  public static Path directoryFor(Path objectsRoot, String prefix) {
    String[] segments = prefix.split("/", -1);
    Path path = objectsRoot;
    for (int i = 0; i < segments.length - 1; i++) {
      path = resolveSegment(path, segments[i], 'd');
    }
    return path;
  }

  /** The key for a path under {@code objectsRoot}, or null for a file that is not an object. */
  public static String toKey(Path objectsRoot, Path file) {
    Path relative = objectsRoot.relativize(file);
    StringBuilder key = new StringBuilder();
    StringBuilder segment = new StringBuilder();
    int count = relative.getNameCount();
    for (int i = 0; i < count; i++) {
      String element = relative.getName(i).toString();
      char tag = element.isEmpty() ? ' ' : element.charAt(0);
      boolean last = i == count - 1;
      if (tag == 'c' && !last) {
        segment.append(element, 1, element.length());
        continue;
      }
      if (tag != (last ? 'o' : 'd')) {
        return null;
      }
      segment.append(element, 1, element.length());
      key.append(decode(segment.toString()));
      segment.setLength(0);
      if (!last) {
        key.append('/');
      }
    }
    return key.toString();
  }

  static String encode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  static String decode(String element) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < element.length(); i++) {
      char c = element.charAt(i);
      if (c == '%' && i + 2 < element.length()) {
        bytes.write(Integer.parseInt(element.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}

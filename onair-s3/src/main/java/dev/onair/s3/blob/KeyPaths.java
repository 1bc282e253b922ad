package dev.onair.s3.blob;

import dev.onair.s3.S3ErrorCode;
import dev.onair.s3.S3Errors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps object keys to filesystem paths and back. Each '/'-separated key segment becomes one path element, so
 * listing a prefix only walks its subtree. Elements are tagged 'd' (directory) or 'o' (object): the key {@code a}
 * and the key {@code a/b} can then coexist, and segments like {@code ..} or empty ones ({@code a//b}) are safe.
 * Everything outside {@code [A-Za-z0-9._-]} is percent-encoded.
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
      String element = (i == segments.length - 1 ? "o" : "d") + encode(segments[i]);
      if (element.length() > MAX_ELEMENT) {
        // Onair stores each segment as a file name; AWS has no such limit
        throw S3Errors.of(
            S3ErrorCode.KEY_TOO_LONG, "Each '/'-separated part of a key is limited to 80 to 240 bytes", "Key", key);
      }
      path = path.resolve(element);
    }
    return path;
  }

  /** The directory holding every key that starts with {@code prefix}. */
  public static Path directoryFor(Path objectsRoot, String prefix) {
    String[] segments = prefix.split("/", -1);
    Path path = objectsRoot;
    for (int i = 0; i < segments.length - 1; i++) {
      path = path.resolve("d" + encode(segments[i]));
    }
    return path;
  }

  /** The key for a path under {@code objectsRoot}, or null for a file that is not an object. */
  public static String toKey(Path objectsRoot, Path file) {
    Path relative = objectsRoot.relativize(file);
    List<String> segments = new ArrayList<>();
    for (int i = 0; i < relative.getNameCount(); i++) {
      String element = relative.getName(i).toString();
      char expected = i == relative.getNameCount() - 1 ? 'o' : 'd';
      if (element.isEmpty() || element.charAt(0) != expected) {
        return null;
      }
      segments.add(decode(element.substring(1)));
    }
    return String.join("/", segments);
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

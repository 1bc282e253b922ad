package dev.onair.s3.blob;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.s3.model.ObjectAttributes;
import dev.onair.s3.model.ObjectMetadata;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One file per object: the bytes, then a JSON trailer with the metadata, its length and a magic number. Keeping
 * metadata in the same file as the data makes a put one atomic rename, with no window where they disagree; putting
 * it after the data lets a put stream the bytes once while hashing them.
 */
final class BlobFile {
  private static final byte[] MAGIC = "ONAIRS3\u0001".getBytes(StandardCharsets.US_ASCII);
  private static final int FOOTER = MAGIC.length + 4;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private BlobFile() {}

  static byte[] encodeTrailer(ObjectMetadata metadata) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", metadata.key());
    json.put("size", metadata.size());
    json.put("etag", metadata.etag());
    json.put("lastModified", metadata.lastModified().toString());
    json.put("partsCount", metadata.partsCount());
    json.put("contentType", metadata.attributes().contentType());
    json.put("userMetadata", metadata.attributes().userMetadata());
    json.put("headers", metadata.attributes().headers());
    json.put("checksums", metadata.attributes().checksums());
    try {
      byte[] body = JSON.writeValueAsBytes(json);
      ByteBuffer buffer = ByteBuffer.allocate(body.length + FOOTER);
      buffer.put(body).putInt(body.length).put(MAGIC);
      return buffer.array();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectMetadata readMetadata(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < FOOTER) {
        throw new EOFException("not an Onair object file: " + file);
      }
      ByteBuffer footer = readFully(channel, size - FOOTER, FOOTER);
      int length = footer.getInt();
      byte[] magic = new byte[MAGIC.length];
      footer.get(magic);
      if (!Arrays.equals(magic, MAGIC) || length < 0 || length > size - FOOTER) {
        throw new IOException("not an Onair object file: " + file);
      }
      ByteBuffer body = readFully(channel, size - FOOTER - length, length);
      return parseTrailer(body.array());
    }
  }

  /** The footer's JSON length, or -1 when {@code footer} (the last {@link #FOOTER} bytes) is not an Onair footer. */
  static int trailerLength(byte[] bytes, int footerOffset) {
    ByteBuffer footer = ByteBuffer.wrap(bytes, footerOffset, FOOTER);
    int length = footer.getInt();
    byte[] magic = new byte[MAGIC.length];
    footer.get(magic);
    return Arrays.equals(magic, MAGIC) && length >= 0 ? length : -1;
  }

  static int footerLength() {
    return FOOTER;
  }

  static ObjectMetadata parseTrailer(byte[] trailerJson) throws IOException {
    Map<String, Object> json = JSON.readValue(trailerJson, MAP);
    ObjectAttributes attributes =
        new ObjectAttributes(
            (String) json.get("contentType"),
            strings(json.get("userMetadata")),
            strings(json.get("headers")),
            strings(json.get("checksums")));
    return new ObjectMetadata(
        (String) json.get("key"),
        ((Number) json.get("size")).longValue(),
        (String) json.get("etag"),
        Instant.parse((String) json.get("lastModified")),
        ((Number) json.getOrDefault("partsCount", 0)).intValue(),
        attributes);
  }

  /** Reads {@code length} data bytes starting {@code offset} bytes into the object. */
  static byte[] readData(Path file, long offset, long length) throws IOException {
    if (length > Integer.MAX_VALUE - 16) {
      throw new IOException("object too large to return in one response");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return readFully(channel, offset, (int) length).array();
    }
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new EOFException("object file ends early");
      }
      at += read;
    }
    buffer.flip();
    return buffer;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> strings(Object value) {
    return value == null ? Map.of() : new LinkedHashMap<>((Map<String, String>) value);
  }
}

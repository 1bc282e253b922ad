package dev.onair.rtmp.amf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes AMF0 values into a growing byte array. Accepts the same Java types that {@link
 * Amf0Reader} produces; any {@link Number} is written as an AMF0 number (a double), and strings
 * longer than 65535 UTF-8 bytes become long strings.
 */
public final class Amf0Writer {
  private byte[] buffer = new byte[128];
  private int size;

  /** Encodes a sequence of values, as used for a command or data message body. */
  public static byte[] encode(List<?> values) {
    Amf0Writer writer = new Amf0Writer();
    for (Object value : values) {
      writer.write(value);
    }
    return writer.toByteArray();
  }

  public Amf0Writer write(Object value) {
    if (value == null) {
      writeByte(Amf0Type.NULL.marker());
    } else if (value instanceof Amf0Undefined) {
      writeByte(Amf0Type.UNDEFINED.marker());
    } else if (value instanceof Number number) {
      writeByte(Amf0Type.NUMBER.marker());
      writeLong(Double.doubleToLongBits(number.doubleValue()));
    } else if (value instanceof Boolean bool) {
      writeByte(Amf0Type.BOOLEAN.marker());
      writeByte(bool ? 1 : 0);
    } else if (value instanceof String string) {
      writeString(string);
    } else if (value instanceof Amf0EcmaArray array) {
      writeByte(Amf0Type.ECMA_ARRAY.marker());
      writeInt(array.entries().size());
      writeProperties(array.entries());
    } else if (value instanceof Map<?, ?> map) {
      writeByte(Amf0Type.OBJECT.marker());
      writeProperties(map);
    } else if (value instanceof List<?> list) {
      writeByte(Amf0Type.STRICT_ARRAY.marker());
      writeInt(list.size());
      for (Object element : list) {
        write(element);
      }
    } else if (value instanceof Amf0Date date) {
      writeByte(Amf0Type.DATE.marker());
      writeLong(Double.doubleToLongBits(date.epochMillis()));
      writeShort(date.timeZone());
    } else {
      throw new IllegalArgumentException("no AMF0 form for " + value.getClass().getName());
    }
    return this;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void writeString(String string) {
    byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > 0xFFFF) {
      writeByte(Amf0Type.LONG_STRING.marker());
      writeInt(utf8.length);
    } else {
      writeByte(Amf0Type.STRING.marker());
      writeShort(utf8.length);
    }
    writeBytes(utf8);
  }

  private void writeProperties(Map<?, ?> map) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      byte[] key = String.valueOf(entry.getKey()).getBytes(StandardCharsets.UTF_8);
      if (key.length > 0xFFFF) {
        throw new IllegalArgumentException("AMF0 property name longer than 65535 bytes");
      }
      writeShort(key.length);
      writeBytes(key);
      write(entry.getValue());
    }
    writeShort(0);
    writeByte(Amf0Type.OBJECT_END.marker());
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }

  private void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  private void writeShort(int value) {
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  private void writeInt(int value) {
    ensure(4);
    buffer[size++] = (byte) (value >>> 24);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  private void writeLong(long value) {
    writeInt((int) (value >>> 32));
    writeInt((int) value);
  }

  private void writeBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }
}

package dev.onair.hls.mux;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the ID3v2.4 tags that carry timed metadata in HLS (Apple's "Timed Metadata for HTTP Live Streaming"):
 * one {@code TXXX} (user-defined text) frame, UTF-8, which hls.js, Safari and the IVS player expose as a text cue.
 *
 * <p>ID3v2.4 sizes (tag and frame) are "syncsafe": 7 bits per byte, so no size byte can look like an MPEG sync
 * word. No unsynchronisation, no extended header, no footer: players only need the plain form.
 */
public final class Id3Tag {
  /** A syncsafe 28-bit size caps a tag at 256 MiB; PutMetadata's 1 KB is far below, but callers may differ. */
  private static final int MAX_SYNCSAFE = (1 << 28) - 1;
  private static final int ENCODING_UTF8 = 0x03;

  private Id3Tag() {}

  /** A tag with one TXXX frame: {@code description} (may be empty) and {@code value}. */
  public static byte[] txxx(String description, String value) {
    byte[] desc = description.getBytes(StandardCharsets.UTF_8);
    byte[] text = value.getBytes(StandardCharsets.UTF_8);
    int frameBody = 1 + desc.length + 1 + text.length;
    int tagBody = 10 + frameBody;
    if (tagBody > MAX_SYNCSAFE) {
      throw new IllegalArgumentException("metadata too large for an ID3 tag");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(10 + tagBody);
    out.write('I');
    out.write('D');
    out.write('3');
    out.write(0x04); // v2.4
    out.write(0x00); // revision
    out.write(0x00); // flags
    syncsafe(out, tagBody);
    out.writeBytes("TXXX".getBytes(StandardCharsets.US_ASCII));
    syncsafe(out, frameBody);
    out.write(0x00); // frame flags
    out.write(0x00);
    out.write(ENCODING_UTF8);
    out.writeBytes(desc);
    out.write(0x00); // description terminator; the value runs to the end of the frame
    out.writeBytes(text);
    return out.toByteArray();
  }

  /**
   * The value of the first TXXX frame of a v2.3/v2.4 tag, or {@code null}. For tests and diagnostics; it reads
   * only what {@link #txxx} writes (UTF-8 or ISO-8859-1 text, no unsynchronisation).
   */
  public static String readTxxx(byte[] tag, int offset) {
    if (tag.length - offset < 10 || tag[offset] != 'I' || tag[offset + 1] != 'D' || tag[offset + 2] != '3') {
      return null;
    }
    int version = tag[offset + 3];
    int end = Math.min(tag.length, offset + 10 + readSyncsafe(tag, offset + 6));
    int p = offset + 10;
    while (p + 10 <= end) {
      String id = new String(tag, p, 4, StandardCharsets.US_ASCII);
      int size = version >= 4 ? readSyncsafe(tag, p + 4) : readInt(tag, p + 4);
      int body = p + 10;
      if (size <= 0 || body + size > end) {
        return null;
      }
      if (id.equals("TXXX")) {
        int descriptionEnd = body + 1;
        while (descriptionEnd < body + size && tag[descriptionEnd] != 0) {
          descriptionEnd++;
        }
        int valueStart = descriptionEnd + 1;
        var charset = tag[body] == ENCODING_UTF8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        return new String(tag, valueStart, Math.max(0, body + size - valueStart), charset);
      }
      p = body + size;
    }
    return null;
  }

  private static void syncsafe(ByteArrayOutputStream out, int value) {
    out.write((value >> 21) & 0x7F);
    out.write((value >> 14) & 0x7F);
    out.write((value >> 7) & 0x7F);
    out.write(value & 0x7F);
  }

  private static int readSyncsafe(byte[] b, int i) {
    return ((b[i] & 0x7F) << 21) | ((b[i + 1] & 0x7F) << 14) | ((b[i + 2] & 0x7F) << 7) | (b[i + 3] & 0x7F);
  }

  private static int readInt(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }
}

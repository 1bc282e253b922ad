package dev.onair.s3.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/** What every blob store does the same way for multipart uploads and streamed bodies. */
public final class MultipartFiles {
  private MultipartFiles() {}

  /** Part n's name under its upload: zero-padded so a listing sorts parts in order. */
  public static String partName(int partNumber) {
    return String.format("p%05d", partNumber);
  }

  /** Upload ids come from clients and become directory names or key segments: only ours (base64url) may pass. */
  public static boolean isSafeUploadId(String uploadId) {
    return uploadId != null && uploadId.matches("[A-Za-z0-9_-]{1,128}");
  }

  /** Copies {@code in} to {@code out}, feeding {@code digest} (if not null); returns the byte count. */
  public static long copy(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      out.write(buffer, 0, read);
      if (digest != null) {
        digest.update(buffer, 0, read);
      }
      total += read;
    }
    return total;
  }
}

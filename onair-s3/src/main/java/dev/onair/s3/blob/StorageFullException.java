package dev.onair.s3.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * A write refused because the filesystem under the store has no space (or quota) left. Nothing of the object was
 * kept: the partial temporary file is removed, so the previous version (if any) is still the one listed. Callers
 * answer it as a server-side failure that the client may retry later, without a stack trace: it is an operating
 * condition, not a bug.
 */
public final class StorageFullException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  public StorageFullException(String key, IOException cause) {
    super("storage full: object " + key + " not written (" + cause.getMessage() + ")", cause);
  }

  /** ENOSPC or EDQUOT, as the JDK reports them on Linux and macOS. */
  static boolean isOutOfSpace(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
          return true;
        }
      }
    }
    return false;
  }
}

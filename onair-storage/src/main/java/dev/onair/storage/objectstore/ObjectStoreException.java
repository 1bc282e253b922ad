package dev.onair.storage.objectstore;

/** The external object store refused or could not be reached; the message names the call, never a secret. */
public final class ObjectStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ObjectStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

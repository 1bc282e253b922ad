package dev.onair.server.config;

/** A setting the operator gave that cannot be used; the message names the flag and the environment variable. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}

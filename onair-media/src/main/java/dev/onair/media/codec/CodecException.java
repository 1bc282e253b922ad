package dev.onair.media.codec;

/** A codec configuration record could not be parsed. */
public class CodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CodecException(String message) {
    super(message);
  }
}

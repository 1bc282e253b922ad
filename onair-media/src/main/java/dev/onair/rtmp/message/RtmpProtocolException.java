package dev.onair.rtmp.message;

/**
 * The peer sent bytes that break the RTMP wire format (chunk headers, AMF0, message payloads).
 *
 * <p>This is the only exception the decoders throw for bad input, so a connection handler can
 * tell "close this peer" apart from a bug in our own code.
 */
public class RtmpProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RtmpProtocolException(String message) {
    super(message);
  }

  public RtmpProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}

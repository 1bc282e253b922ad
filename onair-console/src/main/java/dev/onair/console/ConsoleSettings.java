package dev.onair.console;

/**
 * What the console shows that only the composition root knows.
 *
 * @param rtmpPort the plain RTMP ingest port, for the channel page's ingest server
 * @param rtmpsPort the RTMPS ingest port, or 0 when RTMPS is not offered
 */
public record ConsoleSettings(int rtmpPort, int rtmpsPort) {
  public static final ConsoleSettings DEFAULTS = new ConsoleSettings(1935, 4443);
}

package dev.onair.rtmp.session;

/** Control over a live publisher from outside its connection, e.g. for StopStream. Thread-safe. */
public interface PublisherHandle {
  /** Closes the connection; the sink then receives {@link MediaSink#onEnd()}. Idempotent. */
  void disconnect();

  boolean isConnected();

  String remoteAddress();
}

package dev.onair.it.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between one encoder and the server that can misbehave on command, for faults ffmpeg will not
 * produce by itself: {@link #freeze()} stops forwarding while keeping both sockets open (an encoder whose network
 * vanished without a FIN), {@link #injectGarbage()} writes random bytes into the middle of the RTMP stream.
 */
final class FaultyRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final AtomicLong forwarded = new AtomicLong();
  private volatile boolean frozen;
  private volatile OutputStream toServer;
  private volatile Socket client;
  private volatile Socket server;

  FaultyRelay(int targetPort) {
    try {
      this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.target = targetPort;
    Thread acceptor = new Thread(this::acceptOne, "relay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Bytes relayed from the encoder so far. */
  long forwarded() {
    return forwarded.get();
  }

  void freeze() {
    frozen = true;
  }

  /** 4 KiB of random bytes interleaved into the encoder's stream, written between two of its reads. */
  synchronized void injectGarbage() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    toServer.write(garbage);
    toServer.flush();
  }

  private void acceptOne() {
    try {
      client = listener.accept();
      server = new Socket(InetAddress.getLoopbackAddress(), target);
      toServer = server.getOutputStream();
      InputStream fromServer = server.getInputStream();
      OutputStream toClient = client.getOutputStream();
      Thread back = new Thread(() -> pump(fromServer, toClient, false), "relay-back");
      back.setDaemon(true);
      back.start();
      pump(client.getInputStream(), toServer, true);
    } catch (IOException e) {
      // the relay ends with either side; the test observes the server, not the relay
    }
  }

  private void pump(InputStream in, OutputStream out, boolean fromEncoder) {
    byte[] buffer = new byte[16 * 1024];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (fromEncoder) {
          if (frozen) {
            continue; // swallow: the server sees silence on an open connection
          }
          synchronized (this) {
            out.write(buffer, 0, n);
          }
          forwarded.addAndGet(n);
        } else {
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // closed
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : new AutoCloseable[] {listener, client, server}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort
      }
    }
  }
}

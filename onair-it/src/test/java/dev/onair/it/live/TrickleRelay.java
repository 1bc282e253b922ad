package dev.onair.it.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * A TCP relay between one encoder and the server that can cut the encoder's bit rate on command: {@link
 * #trickle(long)} from then on forwards only that many of the encoder's bytes a second (in small writes ten times a
 * second), keeping the rest, so the server sees a publisher whose rate fell sharply (a static scene under VBR, an
 * encoder throttling on congestion) while the connection stays healthy. It always drains the encoder, so ffmpeg
 * itself never blocks.
 */
final class TrickleRelay implements AutoCloseable {
  private static final long TICK_MILLIS = 100;

  private final ServerSocket listener;
  private final int target;
  private final Object lock = new Object();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private long received;
  private long forwarded;
  private volatile long trickleBytesPerSecond = -1;
  private volatile boolean serverClosed;
  private volatile Socket client;
  private volatile Socket server;

  TrickleRelay(int targetPort) {
    try {
      this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.target = targetPort;
    Thread acceptor = new Thread(this::acceptOne, "trickle-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** The relay's own port on its connection to the server (the peer port the server sees), or -1 before it. */
  int serverSidePort() {
    Socket s = server;
    return s == null ? -1 : s.getLocalPort();
  }

  /** Encoder bytes received by the relay so far. */
  long received() {
    synchronized (lock) {
      return received;
    }
  }

  /** From now on forward at most this many bytes a second. */
  void trickle(long bytesPerSecond) {
    trickleBytesPerSecond = bytesPerSecond;
  }

  /** The server closed (or reset) its side of the connection. */
  boolean serverClosed() {
    return serverClosed;
  }

  private void acceptOne() {
    try {
      client = listener.accept();
      server = new Socket(InetAddress.getLoopbackAddress(), target);
      server.setTcpNoDelay(true);
      OutputStream toServer = server.getOutputStream();
      InputStream fromServer = server.getInputStream();
      OutputStream toClient = client.getOutputStream();
      Thread back = new Thread(() -> pumpBack(fromServer, toClient), "trickle-back");
      back.setDaemon(true);
      back.start();
      Thread forward = new Thread(() -> forward(toServer), "trickle-forward");
      forward.setDaemon(true);
      forward.start();
      byte[] buffer = new byte[16 * 1024];
      InputStream fromEncoder = client.getInputStream();
      for (int n = fromEncoder.read(buffer); n >= 0; n = fromEncoder.read(buffer)) {
        synchronized (lock) {
          pending.write(buffer, 0, n);
          received += n;
          lock.notifyAll();
        }
      }
    } catch (IOException e) {
      // the relay ends with either side; the test observes the server
    }
  }

  private void forward(OutputStream toServer) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        byte[] chunk;
        synchronized (lock) {
          long rate = trickleBytesPerSecond;
          if (rate < 0) {
            while (pending.size() == 0) {
              lock.wait(TICK_MILLIS);
              if (trickleBytesPerSecond >= 0) {
                break;
              }
            }
            chunk = take(pending.size());
          } else {
            lock.wait(TICK_MILLIS); // paced: released by the timeout, not by arrivals
            chunk = take((int) Math.min(pending.size(), Math.max(1, rate * TICK_MILLIS / 1000)));
          }
        }
        if (chunk.length > 0) {
          toServer.write(chunk);
          toServer.flush();
          synchronized (lock) {
            forwarded += chunk.length;
          }
        }
      }
    } catch (IOException e) {
      serverClosed = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Removes the first {@code n} pending bytes; holds {@link #lock}. */
  private byte[] take(int n) {
    byte[] all = pending.toByteArray();
    byte[] chunk = Arrays.copyOf(all, n);
    pending.reset();
    pending.write(all, n, all.length - n);
    return chunk;
  }

  private void pumpBack(InputStream fromServer, OutputStream toClient) {
    byte[] buffer = new byte[16 * 1024];
    try {
      for (int n = fromServer.read(buffer); n >= 0; n = fromServer.read(buffer)) {
        toClient.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // reset: counted as closed below
    }
    serverClosed = true;
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

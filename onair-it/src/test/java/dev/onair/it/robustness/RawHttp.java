package dev.onair.it.robustness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A deliberately dumb HTTP/1.1 client over a raw socket: it sends the exact bytes it is given (broken headers,
 * invalid UTF-8, lying lengths) and reads one response. A connection the server closes without answering counts as
 * a refusal ({@link Reply#status()} = -1); a read that times out is a hang and throws {@link Hang}.
 */
final class RawHttp implements AutoCloseable {
  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  RawHttp(int port, Duration timeout) {
    this.port = port;
    this.timeoutMillis = (int) timeout.toMillis();
  }

  record Reply(int status, String head, String body) {
    boolean closeAfter() {
      return status < 0 || head.toLowerCase(Locale.ROOT).contains("\nconnection: close");
    }
  }

  /** Thrown when the server neither answers nor closes within the timeout. */
  static final class Hang extends IOException {
    Hang(String message) {
      super(message);
    }
  }

  /** Sends the bytes on the open connection (or a new one) and reads one response. */
  Reply exchange(byte[] request) throws IOException {
    return exchange(request, false);
  }

  /**
   * As {@link #exchange(byte[])}; with {@code endOfInput} the request is followed by a half-close, for inputs whose
   * framing may be broken (a truncated request line, a lying Content-Length): the server then has all it will
   * ever get and must answer or close, so waiting for more bytes is not mistaken for a hang.
   */
  Reply exchange(byte[] request, boolean endOfInput) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      out.write(request);
      out.flush();
      if (endOfInput) {
        socket.shutdownOutput();
      }
    } catch (IOException reset) {
      // the server may close while we are still writing a refused request; read whatever it answered
    }
    try {
      Reply reply = read();
      if (reply.closeAfter() || endOfInput) {
        close();
      }
      return reply;
    } catch (SocketTimeoutException e) {
      close();
      throw new Hang("no answer within " + timeoutMillis + " ms");
    } catch (IOException e) {
      close();
      return new Reply(-1, "", e.toString());
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(timeoutMillis);
    socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16384);
  }

  private Reply read() throws IOException {
    String status = line();
    if (status == null) {
      return new Reply(-1, "", "closed without an answer");
    }
    StringBuilder head = new StringBuilder(status).append('\n');
    long length = -1;
    boolean chunked = false;
    String line;
    while ((line = line()) != null && !line.isEmpty()) {
      head.append(line).append('\n');
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      String size;
      while ((size = line()) != null) {
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (n == 0) {
          while ((line = line()) != null && !line.isEmpty()) {
            // trailers
          }
          break;
        }
        copy(n, body);
        line();
      }
    } else if (length > 0) {
      copy(length, body);
    } else if (length < 0 && !status.contains(" 204") && !status.contains(" 304")) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        body.write(buffer, 0, n);
      }
      head.append("connection: close\n");
    }
    int code;
    try {
      code = Integer.parseInt(status.substring(9, 12));
    } catch (RuntimeException e) {
      throw new IOException("not an HTTP status line: " + status);
    }
    String text = body.size() > 4096 ? new String(body.toByteArray(), 0, 4096, StandardCharsets.UTF_8)
        : body.toString(StandardCharsets.UTF_8);
    return new Reply(code, "\n" + head, text);
  }

  private void copy(long n, ByteArrayOutputStream body) throws IOException {
    byte[] buffer = new byte[8192];
    long left = n;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException("eof in body");
      }
      if (body.size() < 65536) {
        body.write(buffer, 0, read);
      }
      left -= read;
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() < 65536) {
        line.append((char) b);
      }
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing
      }
      socket = null;
    }
  }
}

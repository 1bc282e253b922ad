package dev.onair.it.live;

import dev.onair.it.Clients;
import dev.onair.it.OnairProcess;
import dev.onair.it.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException;
import software.amazon.awssdk.services.ivs.model.StreamEvent;
import software.amazon.awssdk.services.ivs.model.StreamState;

/** What the live-video integration tests share: an SDK client, an ffmpeg encoder, polling and plain HTTP. */
final class LiveFixture {
  static final Region REGION = Region.US_WEST_2;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LiveFixture() {}

  static IvsClient ivs(OnairProcess onair) {
    return IvsClient.builder().endpointOverride(onair.endpoint()).region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  /**
   * A real-time H.264 + AAC test pattern (2 s GOP, no B-frames) to {@code url}, small so that several fit on two
   * cores; {@code extra} goes before the output (e.g. bitrate settings). Its output is discarded.
   */
  static Process ffmpeg(String url, int seconds, String... extra) {
    Tools.require("ffmpeg");
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
        "-f", "lavfi", "-i", "testsrc=size=480x270:rate=30", "-f", "lavfi", "-i", "sine=sample_rate=48000",
        "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
        "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "96k"));
    command.addAll(List.of(extra));
    command.addAll(List.of("-f", "flv", url));
    try {
      return new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isLive(IvsClient ivs, String channelArn) {
    try {
      return ivs.getStream(r -> r.channelArn(channelArn)).stream().state() == StreamState.LIVE;
    } catch (ChannelNotBroadcastingException e) {
      return false;
    }
  }

  static List<String> eventNames(IvsClient ivs, String channelArn) {
    return ivs.getStreamSession(r -> r.channelArn(channelArn)).streamSession().truncatedEvents().stream()
        .map(StreamEvent::name).toList();
  }

  /** Polls every 100 ms; fails naming {@code what} after {@code timeout}. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s");
      }
      sleep(100);
    }
  }

  static HttpResponse<String> get(String url, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The first media playlist URI of a multivariant playlist, resolved against its URL. */
  static String mediaPlaylist(String multivariantUrl, String body) {
    String uri = body.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst()
        .orElseThrow(() -> new AssertionError("no variant in " + body));
    return URI.create(multivariantUrl).resolve(uri).toString();
  }

  static void stop(Process process) {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}

package dev.onair.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.Clients;
import dev.onair.it.OnairProcess;
import dev.onair.it.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException;
import software.amazon.awssdk.services.ivs.model.StreamEvent;
import software.amazon.awssdk.services.ivs.model.StreamState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the recording fault tests share: SDK clients, a pre-encoded clip looped into a channel with ffmpeg
 * {@code -c copy}, the recording's objects read back through the S3 API and its VOD playlist checked by ffprobe.
 */
final class RecordingFixture {
  static final Region REGION = Region.US_WEST_2;

  private RecordingFixture() {}

  static IvsClient ivs(OnairProcess onair) {
    return IvsClient.builder().endpointOverride(onair.endpoint()).region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  static S3Client s3(OnairProcess onair) {
    return S3Client.builder().endpointOverride(onair.endpoint()).forcePathStyle(true).region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** A bucket, a recording configuration (no thumbnails) writing to it, and its ARN. */
  static String recordingConfiguration(IvsClient ivs, S3Client s3, String bucket) {
    s3.createBucket(b -> b.bucket(bucket)
        .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.US_WEST_2)));
    return ivs.createRecordingConfiguration(r -> r.name(bucket)
        .destinationConfiguration(d -> d.s3(s -> s.bucketName(bucket)))
        .thumbnailConfiguration(t -> t.recordingMode("DISABLED"))).recordingConfiguration().arn();
  }

  /**
   * {@code seconds} of 640x360 H.264 (2 s GOP) + AAC at about {@code videoKbps}, pre-encoded once so that looping
   * it costs the publisher nothing.
   */
  static Path clip(int seconds, int videoKbps) throws Exception {
    Path ffmpeg = Tools.require("ffmpeg");
    Path clip = Files.createTempFile("onair-recording-", ".flv");
    Process make = new ProcessBuilder(ffmpeg.toString(), "-y", "-v", "error", "-f", "lavfi", "-i",
        "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t",
        Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "60",
        "-keyint_min", "60", "-sc_threshold", "0", "-bf", "0", "-b:v", videoKbps + "k", "-minrate",
        videoKbps + "k", "-maxrate", videoKbps + "k", "-bufsize", videoKbps + "k", "-c:a", "aac", "-b:a", "64k",
        "-f", "flv", clip.toString()).redirectErrorStream(true).start();
    assertThat(make.waitFor(120, TimeUnit.SECONDS)).as("clip encoded").isTrue();
    assertThat(make.exitValue()).as("ffmpeg: " + new String(make.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8)).isZero();
    return clip;
  }

  static Process publish(Path clip, int rtmpPort, String streamKey) throws IOException {
    return new ProcessBuilder(Tools.require("ffmpeg").toString(), "-hide_banner", "-loglevel", "error", "-re",
        "-stream_loop", "-1", "-i", clip.toString(), "-c", "copy", "-f", "flv",
        "rtmp://127.0.0.1:" + rtmpPort + "/app/" + streamKey)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  static void stop(Process process) throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static boolean live(IvsClient ivs, String channelArn) {
    try {
      return ivs.getStream(r -> r.channelArn(channelArn)).stream().state() == StreamState.LIVE;
    } catch (ChannelNotBroadcastingException offline) {
      return false;
    }
  }

  /** Event names of the channel's latest session. */
  static List<String> events(IvsClient ivs, String channelArn) {
    return ivs.getStreamSession(r -> r.channelArn(channelArn)).streamSession().truncatedEvents().stream()
        .map(StreamEvent::name).toList();
  }

  static List<String> keys(S3Client s3, String bucket, String prefix) {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }

  /** Prefixes ({@code …/<recording id>}) of the recordings in the bucket, oldest key first. */
  static List<String> recordingPrefixes(S3Client s3, String bucket) {
    return keys(s3, bucket, "ivs/v1/").stream().filter(k -> k.endsWith("/events/recording-started.json"))
        .map(k -> k.substring(0, k.length() - "/events/recording-started.json".length())).toList();
  }

  static String text(S3Client s3, String bucket, String key) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
  }

  /**
   * Every listed object of the recording reads back whole (as many bytes as listed; TS segments are whole 188-byte
   * packets starting with a sync byte): nothing half-written is listed.
   */
  static int assertWhole(S3Client s3, String bucket, String prefix) {
    int checked = 0;
    for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
      byte[] bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asByteArray();
      assertThat((long) bytes.length).as(object.key()).isEqualTo(object.size());
      if (object.key().endsWith(".ts")) {
        assertThat(bytes.length % 188).as(object.key() + " whole TS packets").isZero();
        assertThat(bytes.length).as(object.key()).isPositive();
        assertThat(bytes[0]).as(object.key() + " sync byte").isEqualTo((byte) 0x47);
      }
      checked++;
    }
    return checked;
  }

  /**
   * Downloads the recording's rendition playlist and every segment it names, checks the playlist is a finished VOD
   * naming only stored segments, and has ffprobe read it through: returns the duration ffprobe found (seconds).
   */
  static double probeVod(S3Client s3, String bucket, String prefix) throws Exception {
    List<String> playlists = keys(s3, bucket, prefix + "/media/hls/").stream()
        .filter(k -> k.endsWith("/playlist.m3u8")).toList();
    assertThat(playlists).as("one rendition playlist under " + prefix).hasSize(1);
    String playlistKey = playlists.get(0);
    String playlist = text(s3, bucket, playlistKey);
    assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST");
    String directory = playlistKey.substring(0, playlistKey.lastIndexOf('/') + 1);
    Path local = Files.createTempDirectory("onair-vod-");
    try {
      Files.writeString(local.resolve("playlist.m3u8"), playlist);
      List<String> segments = playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      assertThat(segments).as("segments in " + playlistKey).isNotEmpty();
      for (String segment : segments) {
        try {
          Files.write(local.resolve(segment),
              s3.getObjectAsBytes(r -> r.bucket(bucket).key(directory + segment)).asByteArray());
        } catch (SdkException e) {
          throw new AssertionError(playlistKey + " names " + segment + ", which is not readable: " + e);
        }
      }
      Process probe = new ProcessBuilder(Tools.require("ffprobe").toString(), "-v", "error", "-show_entries",
          "format=duration", "-of", "csv=p=0", local.resolve("playlist.m3u8").toString())
          .redirectErrorStream(true).start();
      String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(probe.exitValue()).as("ffprobe " + playlistKey + ": " + out).isZero();
      assertThat(out).as("ffprobe reads the whole VOD without errors").matches("[0-9.]+");
      return Double.parseDouble(out);
    } finally {
      deleteTree(local);
    }
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(200);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}

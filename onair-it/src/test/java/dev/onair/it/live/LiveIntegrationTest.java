package dev.onair.it.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import dev.onair.it.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.ChannelLatencyMode;
import software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.StreamEvent;
import software.amazon.awssdk.services.ivs.model.StreamHealth;
import software.amazon.awssdk.services.ivs.model.StreamSession;
import software.amazon.awssdk.services.ivs.model.StreamState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The data plane against the real server process: ffmpeg publishes over RTMP and RTMPS to channels created with
 * the IVS SDK, ffprobe and plain HTTP read the playback URL, the SDK sees live state and sessions, and the
 * recording appears in the bucket in IVS's layout.
 */
class LiveIntegrationTest {
  private static final Region REGION = Region.US_WEST_2;
  private static final int RTMP_PORT = freePort();
  private static final int RTMPS_PORT = freePort();

  @RegisterExtension
  static final OnairExtension ONAIR = new OnairExtension(
      "--rtmp-port", Integer.toString(RTMP_PORT), "--rtmps-port", Integer.toString(RTMPS_PORT));

  private static IvsClient ivs;
  private static S3Client s3;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void clients() {
    Tools.require("ffmpeg");
    Tools.require("ffprobe");
    OnairProcess onair = ONAIR.process();
    ivs = IvsClient.builder().endpointOverride(onair.endpoint()).region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build();
    s3 = S3Client.builder().endpointOverride(onair.endpoint()).forcePathStyle(true).region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  static void close() {
    if (ivs != null) {
      ivs.close();
      s3.close();
    }
  }

  @Test
  void rtmpPublish_live_session_playback_llhls_stop_recording() throws Exception {
    String bucket = "onair-it-live-recordings";
    s3.createBucket(b -> b.bucket(bucket)
        .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.US_WEST_2)));
    String recording = ivs.createRecordingConfiguration(r -> r.name("live-it")
        .destinationConfiguration(d -> d.s3(s -> s.bucketName(bucket)))).recordingConfiguration().arn();
    CreateChannelResponse created = ivs.createChannel(r -> r.name("live-it").insecureIngest(true)
        .latencyMode(ChannelLatencyMode.LOW).recordingConfigurationArn(recording));
    Channel channel = created.channel();
    String key = created.streamKey().value();

    Process ffmpeg = ffmpeg("rtmp://127.0.0.1:" + RTMP_PORT + "/app/" + key, 30);
    try {
      await(() -> isLive(channel.arn()), 15);
      var stream = ivs.getStream(r -> r.channelArn(channel.arn())).stream();
      assertThat(stream.state()).isEqualTo(StreamState.LIVE);
      assertThat(stream.streamId()).startsWith("st-").hasSize(26);
      assertThat(stream.playbackUrl()).isEqualTo(channel.playbackUrl());
      await(() -> ivs.getStream(r -> r.channelArn(channel.arn())).stream().health() == StreamHealth.HEALTHY, 10);
      assertThat(ivs.listStreams(r -> r.maxResults(100)).streams())
          .anySatisfy(s -> assertThat(s.channelArn()).isEqualTo(channel.arn()));

      await(() -> session(channel.arn()).ingestConfiguration() != null
          && session(channel.arn()).ingestConfiguration().video() != null, 10);
      StreamSession session = session(channel.arn());
      assertThat(session.streamId()).isEqualTo(stream.streamId());
      assertThat(session.ingestConfiguration().video().videoWidth()).isEqualTo(640L);
      assertThat(session.ingestConfiguration().video().videoHeight()).isEqualTo(360L);
      assertThat(session.ingestConfiguration().video().codec()).startsWith("avc1.");
      assertThat(session.ingestConfiguration().audio().codec()).isEqualTo("mp4a.40.2");
      assertThat(session.truncatedEvents()).extracting(StreamEvent::name)
          .contains("Session Created", "Stream Start");

      // Wait for two segments so ffprobe has something to read at the live edge.
      Thread.sleep(5000);
      String probe = run(List.of("ffprobe", "-v", "error", "-show_entries",
          "stream=codec_name,width,height", "-of", "compact", channel.playbackUrl()), 60);
      assertThat(probe).contains("codec_name=h264", "width=640", "height=360", "codec_name=aac");

      String master = get(channel.playbackUrl()).body();
      String mediaUri = master.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
      URI media = URI.create(channel.playbackUrl()).resolve(mediaUri);
      HttpResponse<String> playlist = get(media.toString());
      assertThat(playlist.headers().firstValue("Content-Type")).contains("application/vnd.apple.mpegurl");
      assertThat(playlist.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      assertThat(playlist.body()).contains("#EXT-X-PART:", "#EXT-X-PART-INF:PART-TARGET=",
          "CAN-BLOCK-RELOAD=YES", "#EXT-X-PRELOAD-HINT");
      long next = lastMsn(playlist.body()) + 1;
      long started = System.nanoTime();
      HttpResponse<String> blocked = get(media + "&_HLS_msn=" + next);
      long waited = (System.nanoTime() - started) / 1_000_000;
      assertThat(blocked.statusCode()).isEqualTo(200);
      assertThat(blocked.body()).contains("seg" + next + ".ts");
      System.out.println("blocking reload for MSN " + next + " answered after " + waited + " ms");
      assertThat(get(media + "&_HLS_msn=" + (next + 10)).statusCode()).isEqualTo(400);

      ivs.stopStream(r -> r.channelArn(channel.arn()));
      assertThat(ffmpeg.waitFor(15, TimeUnit.SECONDS)).as("ffmpeg disconnected by StopStream").isTrue();
      await(() -> !isLive(channel.arn()), 10);
      assertThat(get(channel.playbackUrl()).statusCode()).isEqualTo(404);
    } finally {
      ffmpeg.destroyForcibly();
    }

    await(() -> session(channel.arn()).truncatedEvents().stream().map(StreamEvent::name).toList()
        .containsAll(List.of("Stream End", "Session Ended", "Recording Start", "Recording End")), 15);
    assertThat(session(channel.arn()).endTime()).isNotNull();
    assertThat(ivs.listStreamSessions(r -> r.channelArn(channel.arn())).streamSessions()).hasSize(1);

    String channelId = channel.arn().substring(channel.arn().lastIndexOf('/') + 1);
    List<String> keys = s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("ivs/v1/")).contents().stream()
        .map(S3Object::key).toList();
    String prefix = "ivs/v1/" + OnairProcess.ACCOUNT_ID + "/" + channelId
        + "/\\d{4}/\\d{1,2}/\\d{1,2}/\\d{1,2}/\\d{1,2}/[A-Za-z0-9]{12}/";
    assertThat(keys).anyMatch(k -> k.matches(prefix + "events/recording-started\\.json"));
    assertThat(keys).anyMatch(k -> k.matches(prefix + "events/recording-ended\\.json"));
    assertThat(keys).anyMatch(k -> k.matches(prefix + "media/hls/master\\.m3u8"));
    assertThat(keys).anyMatch(k -> k.matches(prefix + "media/hls/360p30/playlist\\.m3u8"));
    assertThat(keys).anyMatch(k -> k.matches(prefix + "media/hls/360p30/0\\.ts"));
    String ended = keys.stream().filter(k -> k.endsWith("recording-ended.json")).findFirst().orElseThrow();
    assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key(ended)).asUtf8String())
        .contains("\"recording_status\":\"RECORDING_ENDED\"", channel.arn());
    String vod = s3.getObjectAsBytes(r -> r.bucket(bucket)
        .key(ended.replace("events/recording-ended.json", "media/hls/360p30/playlist.m3u8"))).asUtf8String();
    assertThat(vod).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST");
  }

  @Test
  void wrongKey_isRefused() throws Exception {
    CreateChannelResponse created = ivs.createChannel(r -> r.name("live-wrong-key").insecureIngest(true));
    Process ffmpeg = ffmpeg("rtmp://127.0.0.1:" + RTMP_PORT + "/app/sk_us-west-2_wrongwrongwr_x", 5);
    assertThat(ffmpeg.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(ffmpeg.exitValue()).isNotZero();
    assertThat(isLive(created.channel().arn())).isFalse();
  }

  @Test
  void rtmps_publish_plainRefusedForSecureChannel_keyDeletionDisconnects() throws Exception {
    CreateChannelResponse created = ivs.createChannel(r -> r.name("live-rtmps")
        .latencyMode(ChannelLatencyMode.NORMAL));
    String arn = created.channel().arn();
    String key = created.streamKey().value();

    Process plain = ffmpeg("rtmp://127.0.0.1:" + RTMP_PORT + "/app/" + key, 5);
    assertThat(plain.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(plain.exitValue()).as("plain RTMP refused when insecureIngest is false").isNotZero();

    Process secure = ffmpeg("rtmps://127.0.0.1:" + RTMPS_PORT + "/app/" + key, 30);
    try {
      await(() -> isLive(arn), 15);
      Process second = ffmpeg("rtmps://127.0.0.1:" + RTMPS_PORT + "/app/" + key, 5);
      assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as("a second publisher is refused").isNotZero();
      assertThat(isLive(arn)).as("the first keeps streaming").isTrue();
      assertThat(secure.isAlive()).isTrue();

      ivs.deleteStreamKey(r -> r.arn(created.streamKey().arn()));
      assertThat(secure.waitFor(15, TimeUnit.SECONDS)).as("deleting the key disconnects").isTrue();
      await(() -> !isLive(arn), 10);
    } finally {
      secure.destroyForcibly();
    }
  }

  private static boolean isLive(String channelArn) {
    try {
      return ivs.getStream(r -> r.channelArn(channelArn)).stream().state() == StreamState.LIVE;
    } catch (ChannelNotBroadcastingException e) {
      return false;
    }
  }

  private static StreamSession session(String channelArn) {
    return ivs.getStreamSession(r -> r.channelArn(channelArn)).streamSession();
  }

  private static long lastMsn(String playlist) {
    return playlist.lines().filter(l -> l.startsWith("seg"))
        .mapToLong(l -> Long.parseLong(l.substring(3, l.indexOf('.')))).max().orElseThrow();
  }

  private static Process ffmpeg(String url, int seconds) throws IOException {
    return new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
        "-f", "lavfi", "-i", "testsrc=size=640x360:rate=30", "-f", "lavfi", "-i", "sine",
        "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
        "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv", url)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String run(List<String> command, int seconds) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + seconds + " s");
      }
      Thread.sleep(100);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

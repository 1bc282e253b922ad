package dev.onair.it.live;

import static dev.onair.it.live.LiveFixture.await;
import static dev.onair.it.live.LiveFixture.get;
import static dev.onair.it.live.LiveFixture.isLive;
import static dev.onair.it.live.LiveFixture.stop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import dev.onair.it.Tools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.AudioConfiguration;
import software.amazon.awssdk.services.ivs.model.ChannelLatencyMode;
import software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException;
import software.amazon.awssdk.services.ivs.model.ConflictException;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.IvsException;
import software.amazon.awssdk.services.ivs.model.StreamHealth;
import software.amazon.awssdk.services.ivs.model.ValidationException;
import software.amazon.awssdk.services.ivs.model.VideoConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Issue 5's stream rules against the real server, with one 30 s ffmpeg broadcast that has B-frames (main profile,
 * {@code -bf 2}): ffprobe reads the live HLS with its codecs, resolution and B-frames; the session's ingest
 * configuration names the stream's real profile, level, size, frame rate, bit rates, sample rate and channels;
 * viewerCount counts distinct playback sessions; DeleteChannel on the live channel is a ConflictException;
 * PutMetadata refuses more than 1 KB and more than 5 calls a second on the channel, and ChannelNotBroadcasting once
 * it is offline; the recording's event files carry IVS's fields and its VOD playlist plays through ffprobe for the
 * broadcast's length within one segment; a deleted stream key can no longer publish. And an encoder slower than
 * real time is reported STARVING.
 */
class LiveStreamContractIntegrationTest {
  private static final int RTMP_PORT = LiveFixture.freePort();
  private static final int BROADCAST_SECONDS = 30;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @RegisterExtension
  static final OnairExtension ONAIR = new OnairExtension("--rtmp-port", Integer.toString(RTMP_PORT));

  private static IvsClient ivs;
  /** No retries: a ThrottlingException must reach the test, not be retried away by the SDK. */
  private static IvsClient ivsOnce;
  private static S3Client s3;

  @BeforeAll
  static void clients() {
    Tools.require("ffmpeg");
    Tools.require("ffprobe");
    OnairProcess onair = ONAIR.process();
    ivs = LiveFixture.ivs(onair);
    ivsOnce = IvsClient.builder().endpointOverride(onair.endpoint()).region(LiveFixture.REGION)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .httpClient(UrlConnectionHttpClient.create()).build();
    s3 = S3Client.builder().endpointOverride(onair.endpoint()).forcePathStyle(true).region(LiveFixture.REGION)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  static void close() {
    if (ivs != null) {
      ivs.close();
      ivsOnce.close();
      s3.close();
    }
  }

  @Test
  void bFrameBroadcast_liveRules_recordingDuration_deletedKey() throws Exception {
    String bucket = "onair-it-contract";
    s3.createBucket(b -> b.bucket(bucket)
        .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.US_WEST_2)));
    String recording = ivs.createRecordingConfiguration(r -> r.name("contract")
        .destinationConfiguration(d -> d.s3(s -> s.bucketName(bucket)))
        .thumbnailConfiguration(t -> t.recordingMode("DISABLED"))).recordingConfiguration().arn();
    CreateChannelResponse created = ivs.createChannel(r -> r.name("contract").insecureIngest(true)
        .latencyMode(ChannelLatencyMode.NORMAL).recordingConfigurationArn(recording));
    String arn = created.channel().arn();
    String url = created.channel().playbackUrl();
    String ingest = "rtmp://127.0.0.1:" + RTMP_PORT + "/app/" + created.streamKey().value();

    Process encoder = LiveFixture.ffmpeg(ingest, BROADCAST_SECONDS, "-profile:v", "main", "-level", "3.1",
        "-bf", "2", "-b:v", "600k", "-maxrate", "600k", "-bufsize", "600k");
    try {
      await("channel live", Duration.ofSeconds(30), () -> isLive(ivs, arn));
      await("two segments", Duration.ofSeconds(30), () -> {
        HttpResponse<String> master = get(url);
        return master.statusCode() == 200 && get(LiveFixture.mediaPlaylist(url, master.body())).body().lines()
            .filter(l -> l.startsWith("#EXTINF")).count() >= 2;
      });

      // ffprobe reads the live HLS: codecs, resolution, and the B-frames passed through untouched
      String probed = run(List.of(Tools.require("ffprobe").toString(), "-v", "error", "-show_entries",
          "stream=codec_name,profile,width,height,has_b_frames", "-of", "compact", url));
      assertThat(probed).contains("codec_name=h264", "profile=Main", "width=480", "height=270", "codec_name=aac");
      Matcher bFrames = Pattern.compile("has_b_frames=(\\d+)").matcher(probed);
      assertThat(bFrames.find()).as(probed).isTrue();
      assertThat(Integer.parseInt(bFrames.group(1))).as("B-frames in the live HLS: " + probed).isPositive();

      // the session's ingest configuration comes from the stream itself
      await("ingest configuration with bit rates", Duration.ofSeconds(15), () -> {
        var session = ivs.getStreamSession(r -> r.channelArn(arn)).streamSession();
        return session.ingestConfiguration() != null && session.ingestConfiguration().video() != null
            && session.ingestConfiguration().video().targetBitrate() != null
            && session.ingestConfiguration().audio() != null
            && session.ingestConfiguration().audio().targetBitrate() != null;
      });
      var configuration = ivs.getStreamSession(r -> r.channelArn(arn)).streamSession().ingestConfiguration();
      VideoConfiguration video = configuration.video();
      assertThat(video.codec()).as("codec string: Main profile (4D), level 3.1 (1F)").matches("avc1\\.4D..1F");
      assertThat(video.avcProfile()).isEqualTo("Main");
      assertThat(video.avcLevel()).isEqualTo("3.1");
      assertThat(video.videoWidth()).isEqualTo(480L);
      assertThat(video.videoHeight()).isEqualTo(270L);
      // measured on arrival, so a loaded machine's -re encoder may run a little slow or catch up
      assertThat(video.targetFramerate()).as("30 fps encoder").isBetween(20L, 40L);
      assertThat(video.targetBitrate()).as("600 kbit/s encoder").isBetween(150_000L, 1_500_000L);
      AudioConfiguration audio = configuration.audio();
      assertThat(audio.codec()).isEqualTo("mp4a.40.2");
      assertThat(audio.sampleRate()).isEqualTo(48_000L);
      assertThat(audio.channels()).as("lavfi sine is mono").isEqualTo(1L);
      assertThat(audio.targetBitrate()).as("-b:a 96k").isBetween(48_000L, 192_000L);

      // viewerCount: two new playback sessions are two viewers however often each reloads
      long before = ivs.getStream(r -> r.channelArn(arn)).stream().viewerCount();
      String first = LiveFixture.mediaPlaylist(url, get(url).body());
      String second = LiveFixture.mediaPlaylist(url, get(url).body());
      assertThat(first).as("each multivariant fetch is a new playback session").isNotEqualTo(second);
      for (int i = 0; i < 3; i++) {
        assertThat(get(first).statusCode()).isEqualTo(200);
      }
      assertThat(get(second).statusCode()).isEqualTo(200);
      assertThat(ivs.getStream(r -> r.channelArn(arn)).stream().viewerCount()).isEqualTo(before + 2);

      // content types, caching and CORS as a browser player and a CDN see them
      HttpResponse<String> master = get(url);
      assertHeaders("multivariant playlist", master.headers(), "application/vnd.apple.mpegurl", "no-cache");
      HttpResponse<String> media = get(first);
      assertHeaders("NORMAL media playlist", media.headers(), "application/vnd.apple.mpegurl", "public, max-age=1");
      String segmentName = media.body().lines().filter(l -> l.startsWith("seg")).findFirst().orElseThrow();
      HttpResponse<byte[]> segment = HTTP.send(HttpRequest.newBuilder(URI.create(first).resolve(segmentName))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(segment.statusCode()).isEqualTo(200);
      assertThat(segment.body()[0]).as("TS sync byte").isEqualTo((byte) 0x47);
      assertHeaders("segment", segment.headers(), "video/mp2t", "public, max-age=31536000, immutable");
      HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://player.example")
          .header("Access-Control-Request-Method", "GET").timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(preflight.statusCode()).as("CORS preflight").isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");

      // DeleteChannel while live is a conflict; the broadcast goes on
      ConflictException conflict = catchThrowableOfType(ConflictException.class,
          () -> ivs.deleteChannel(r -> r.arn(arn)));
      assertThat(conflict).as("DeleteChannel on a live channel").isNotNull();
      assertThat(conflict.statusCode()).isEqualTo(409);
      assertThat(isLive(ivs, arn)).isTrue();

      // PutMetadata: 1 KB of UTF-8 at most, and at most 5 calls a second on the channel
      assertThat(catchThrowableOfType(ValidationException.class, () -> ivsOnce.putMetadata(r -> r.channelArn(arn)
          .metadata("é".repeat(512) + "x")))).as("1,025 bytes").isNotNull();
      Burst burst = burst(arn);
      System.out.printf("PutMetadata burst: %d accepted, %d throttled (429) in %d ms%n", burst.accepted(),
          burst.throttled(), burst.millis());
      assertThat(burst.throttled()).as("calls beyond 5 a second are refused").isPositive();
      assertThat(burst.accepted()).as("accepted at most 5 at once plus 5 per second since")
          .isLessThanOrEqualTo(5 + (int) Math.ceil(burst.millis() * 5 / 1000.0) + 1);
      LiveFixture.sleep(1200); // a token is back
      ivsOnce.putMetadata(r -> r.channelArn(arn).metadata("after the burst"));

      assertThat(encoder.waitFor(BROADCAST_SECONDS + 60, TimeUnit.SECONDS)).as("the encoder finishes").isTrue();
      await("channel offline", Duration.ofSeconds(15), () -> !isLive(ivs, arn));
    } finally {
      stop(encoder);
    }
    assertThat(catchThrowableOfType(ChannelNotBroadcastingException.class,
        () -> ivs.putMetadata(r -> r.channelArn(arn).metadata("offline")))).as("PutMetadata offline").isNotNull();

    // the recording: IVS's event fields, and a VOD as long as the broadcast within one segment
    await("recording-ended.json", Duration.ofSeconds(30), () -> keys(bucket).stream()
        .anyMatch(k -> k.endsWith("/events/recording-ended.json")));
    String ended = keys(bucket).stream().filter(k -> k.endsWith("/events/recording-ended.json")).findFirst()
        .orElseThrow();
    String prefix = ended.substring(0, ended.length() - "/events/recording-ended.json".length());
    String startedJson = text(bucket, prefix + "/events/recording-started.json");
    String endedJson = text(bucket, ended);
    assertThat(startedJson).contains("\"version\":\"v1\"", "\"channel_arn\":\"" + arn + "\"",
        "\"recording_started_at\":\"", "\"recording_status\":\"RECORDING_STARTED\"", "\"path\":\"media/hls\"",
        "\"playlist\":\"master.m3u8\"", "\"renditions\":[").doesNotContain("recording_ended_at", "duration_ms");
    assertThat(endedJson).contains("\"version\":\"v1\"", "\"channel_arn\":\"" + arn + "\"",
        "\"recording_started_at\":\"", "\"recording_ended_at\":\"", "\"recording_status\":\"RECORDING_ENDED\"",
        "\"recording_status_message\":\"\"", "\"duration_ms\":", "\"path\":\"media/hls\"",
        "\"playlist\":\"master.m3u8\"", "\"playlist\":\"playlist.m3u8\"",
        "\"resolution_height\":270", "\"resolution_width\":480").doesNotContain("thumbnails");
    // IVS says to find renditions through the JSON, not to assume paths
    String rendition = field(endedJson, "\"renditions\":\\[\\{\"path\":\"([^\"]+)\"");
    assertThat(rendition).matches("270p\\d+");
    assertThat(text(bucket, prefix + "/media/hls/master.m3u8")).contains("#EXT-X-STREAM-INF",
        rendition + "/playlist.m3u8");
    String vod = text(bucket, prefix + "/media/hls/" + rendition + "/playlist.m3u8");
    assertThat(vod).contains("#EXT-X-PLAYLIST-TYPE:VOD").endsWith("#EXT-X-ENDLIST\n");
    double segment = Double.parseDouble(field(vod, "#EXT-X-TARGETDURATION:(\\d+)"));
    double probedSeconds = probeVod(bucket, prefix + "/media/hls/" + rendition + "/", vod);
    double recordedSeconds = Long.parseLong(field(endedJson, "\"duration_ms\":(\\d+)")) / 1000.0;
    System.out.printf("recording: ffprobe %.2f s, duration_ms %.2f s, broadcast %d s, segments up to %.0f s%n",
        probedSeconds, recordedSeconds, BROADCAST_SECONDS, segment);
    assertThat(probedSeconds).as("ffprobe's VOD duration vs the broadcast, ±1 segment")
        .isBetween(BROADCAST_SECONDS - segment, BROADCAST_SECONDS + segment);
    assertThat(recordedSeconds).as("duration_ms vs ffprobe, ±1 segment")
        .isBetween(probedSeconds - segment, probedSeconds + segment);

    // a deleted stream key can no longer publish
    ivs.deleteStreamKey(r -> r.arn(created.streamKey().arn()));
    Process refused = LiveFixture.ffmpeg(ingest, 5);
    try {
      assertThat(refused.waitFor(30, TimeUnit.SECONDS)).as("publisher with a deleted key ends").isTrue();
      assertThat(refused.exitValue()).as("publisher with a deleted key is refused").isNotZero();
      assertThat(isLive(ivs, arn)).isFalse();
    } finally {
      stop(refused);
    }
  }

  /**
   * An encoder that delivers half a second of media per second (ffmpeg {@code -readrate 0.5}: a CPU or uplink that
   * cannot keep up) stays connected and LIVE, but GetStream and ListStreams report STARVING and the session records
   * Starvation Start.
   */
  @Test
  void encoderSlowerThanRealTime_isStarving() throws Exception {
    CreateChannelResponse created = ivs.createChannel(r -> r.name("starving").insecureIngest(true)
        .latencyMode(ChannelLatencyMode.NORMAL));
    String arn = created.channel().arn();
    Process slow = new ProcessBuilder(Tools.require("ffmpeg").toString(), "-hide_banner", "-loglevel", "error",
        "-readrate", "0.5", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=30",
        "-readrate", "0.5", "-f", "lavfi", "-i", "sine=sample_rate=48000", "-t", "40", "-c:v", "libx264",
        "-preset", "veryfast", "-tune", "zerolatency", "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv",
        "rtmp://127.0.0.1:" + RTMP_PORT + "/app/" + created.streamKey().value())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      await("channel live", Duration.ofSeconds(30), () -> isLive(ivs, arn));
      await("GetStream health STARVING", Duration.ofSeconds(20),
          () -> ivs.getStream(r -> r.channelArn(arn)).stream().health() == StreamHealth.STARVING);
      assertThat(isLive(ivs, arn)).as("a starving stream is still live").isTrue();
      assertThat(slow.isAlive()).as("and its encoder still connected").isTrue();
      assertThat(ivs.listStreams(r -> r.filterBy(f -> f.health(StreamHealth.STARVING))).streams())
          .anySatisfy(stream -> assertThat(stream.channelArn()).isEqualTo(arn));
      await("Starvation Start in the session's events", Duration.ofSeconds(10),
          () -> LiveFixture.eventNames(ivs, arn).contains("Starvation Start"));
    } finally {
      stop(slow);
    }
  }

  private static void assertHeaders(String what, HttpHeaders headers, String contentType, String cacheControl) {
    assertThat(headers.firstValue("Content-Type")).as(what + " Content-Type").contains(contentType);
    assertThat(headers.firstValue("Cache-Control")).as(what + " Cache-Control").contains(cacheControl);
    assertThat(headers.firstValue("Access-Control-Allow-Origin")).as(what + " CORS").contains("*");
  }

  record Burst(int accepted, int throttled, long millis) {}

  /** Eight callers at once, each calling until refused or 10 calls: far above 5 a second on a loaded machine. */
  private static Burst burst(String arn) throws InterruptedException {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger throttled = new AtomicInteger();
    ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    long start = System.nanoTime();
    for (int c = 0; c < 8; c++) {
      int caller = c;
      callers.execute(() -> {
        for (int i = 0; i < 10; i++) {
          int n = i;
          try {
            ivsOnce.putMetadata(r -> r.channelArn(arn).metadata("burst " + caller + "/" + n));
            accepted.incrementAndGet();
          } catch (IvsException e) {
            if (e.statusCode() == 429 && "ThrottlingException".equals(e.awsErrorDetails().errorCode())) {
              throttled.incrementAndGet();
              return;
            }
            unexpected.add(e.toString());
            return;
          }
        }
      });
    }
    callers.shutdown();
    assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).as("burst finished").isTrue();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(unexpected).as("only ThrottlingException refusals").isEmpty();
    return new Burst(accepted.get(), throttled.get(), millis);
  }

  private static List<String> keys(String bucket) {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("ivs/v1/")).contents().stream()
        .map(S3Object::key).toList();
  }

  private static String text(String bucket, String key) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
  }

  private static String field(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as(regex + " in " + text).isTrue();
    return matcher.group(1);
  }

  /** Downloads the VOD playlist's segments next to it and returns the duration ffprobe reads through them. */
  private static double probeVod(String bucket, String directory, String playlist) throws Exception {
    Path local = Files.createTempDirectory("onair-contract-vod-");
    try {
      Files.writeString(local.resolve("playlist.m3u8"), playlist);
      List<String> segments = playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      assertThat(segments).isNotEmpty();
      for (String name : segments) {
        Files.write(local.resolve(name), s3.getObjectAsBytes(r -> r.bucket(bucket).key(directory + name))
            .asByteArray());
      }
      String out = run(List.of(Tools.require("ffprobe").toString(), "-v", "error", "-show_entries",
          "format=duration", "-of", "csv=p=0", local.resolve("playlist.m3u8").toString())).trim();
      assertThat(out).as("ffprobe reads the whole VOD without errors").matches("[0-9.]+");
      return Double.parseDouble(out);
    } finally {
      try (var paths = Files.walk(local)) {
        List<Path> all = new ArrayList<>(paths.toList());
        java.util.Collections.reverse(all);
        for (Path path : all) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command.get(0) + " finished").isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    return out;
  }
}

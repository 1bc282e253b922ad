package dev.onair.live;

import static dev.onair.live.LiveDataPlaneFfmpegTest.await;
import static dev.onair.live.LiveDataPlaneFfmpegTest.ffmpeg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.IdGenerator;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.ThumbnailConfiguration;
import dev.onair.live.fakes.Fakes;
import dev.onair.live.port.InMemoryLiveSessionRepository;
import dev.onair.live.port.InMemoryRecordingRepository;
import dev.onair.monitoring.metrics.MetricPublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thumbnails (ffmpeg decodes keyframes) and the reconnect window, end to end: ffmpeg publishes twice with a short
 * gap; both broadcasts land in one recording prefix whose thumbnails are JPEGs ffprobe reads, and
 * recording-ended.json appears once, only when the recording ends (here: at shutdown, inside the window).
 */
class LiveRecordingFfmpegTest {
  @TempDir Path dataDir;

  @Test
  void thumbnailsAreJpegs_andAReconnectWithinTheWindowContinuesTheRecording() throws Exception {
    assertThat(Files.isExecutable(Path.of("/usr/bin/ffmpeg"))).as("ffmpeg (apt-get install ffmpeg) is required")
        .isTrue();
    assertThat(Files.isExecutable(Path.of("/usr/bin/ffprobe"))).as("ffprobe (apt-get install ffmpeg) is required")
        .isTrue();
    Fakes.Channels channels = new Fakes.Channels();
    Fakes.StreamKeys keys = new Fakes.StreamKeys();
    Fakes.RecordingConfigurations configurations = new Fakes.RecordingConfigurations();
    Fakes.Objects objects = new Fakes.Objects();
    RecordingConfiguration base = Fakes.recording("rcthumbs", "recordings");
    RecordingConfiguration configuration = new RecordingConfiguration(base.arn(), base.name(), base.bucketName(),
        base.state(), new ThumbnailConfiguration("INTERVAL", 1, null, List.of("SEQUENTIAL", "LATEST")), 60,
        base.renditionConfiguration(), base.createdAt());
    configurations.create(configuration);
    Channel channel = Fakes.channel("thumbs", true, "NORMAL", "TS", configuration.arn(), false);
    channels.create(channel);
    keys.create(Fakes.key(channel, "key3", "sk_us-east-1_thumbs"));
    InMemoryLiveSessionRepository sessions = new InMemoryLiveSessionRepository();
    LiveDependencies deps = new LiveDependencies(channels, keys, configurations, new Fakes.PlaybackKeys(),
        new Fakes.Revocations(), sessions, new InMemoryRecordingRepository(), objects, MetricPublisher.noop(),
        new IdGenerator(), Clock.systemUTC());
    LiveDataPlane plane = LiveDataPlane.start(LiveSettings.of("127.0.0.1", 0, -1, dataDir, "localhost"), deps);
    try {
      Process first = ffmpeg(plane.rtmpPort(), "sk_us-east-1_thumbs", 5);
      assertThat(first.waitFor(40, TimeUnit.SECONDS)).isTrue();
      await(() -> !plane.stateService().isLive(channel.arn()), 10);
      await(() -> objects.keys().stream().filter(k -> k.matches(".*/media/thumbnails/thumb\\d+\\.jpg")).count() >= 2,
          15);
      assertThat(objects.keys()).noneMatch(k -> k.endsWith("recording-ended.json"));

      Process second = ffmpeg(plane.rtmpPort(), "sk_us-east-1_thumbs", 4);
      assertThat(second.waitFor(40, TimeUnit.SECONDS)).isTrue();
      await(() -> sessions.sessions(channel.arn()).size() == 2
          && sessions.sessions(channel.arn()).stream().allMatch(s -> s.endTime() != null), 10);
      await(() -> objects.keys().stream().filter(k -> k.endsWith(".ts")).map(LiveRecordingFfmpegTest::prefix)
          .count() >= 4, 10);
      Thread.sleep(500); // the last segment's write
      assertThat(objects.keys()).noneMatch(k -> k.endsWith("recording-ended.json"));
    } finally {
      plane.close(); // inside the window: shutdown finalises the waiting recording
    }

    List<String> prefixes = objects.keys().stream().filter(k -> k.contains("/ivs/v1/"))
        .map(LiveRecordingFfmpegTest::prefix).distinct().toList();
    assertThat(prefixes).as("both broadcasts in one recording").hasSize(1);
    String prefix = prefixes.get(0);
    List<String> ended = objects.keys().stream().filter(k -> k.endsWith("events/recording-ended.json")).toList();
    assertThat(ended).containsExactly(prefix + "/events/recording-ended.json");
    assertThat(new String(objects.get(ended.get(0)), StandardCharsets.UTF_8)).contains("\"RECORDING_ENDED\"",
        "\"thumbnails\":{\"path\":\"media/thumbnails\",\"resolution_height\":360,\"resolution_width\":640}",
        "\"latest_thumbnail\":{\"path\":\"media/latest_thumbnail/thumb.jpg\"");
    String playlist = new String(objects.get(prefix + "/media/hls/360p30/playlist.m3u8"), StandardCharsets.UTF_8);
    assertThat(playlist).contains("#EXT-X-DISCONTINUITY", "#EXT-X-PLAYLIST-TYPE:VOD").endsWith("#EXT-X-ENDLIST\n");

    List<String> thumbnails = objects.keys().stream().filter(k -> k.startsWith(prefix + "/media/thumbnails/"))
        .toList();
    assertThat(thumbnails).contains(prefix + "/media/thumbnails/thumb0.jpg", prefix + "/media/thumbnails/thumb1.jpg");
    assertThat(objects.keys()).contains(prefix + "/media/latest_thumbnail/thumb.jpg");
    for (String key : thumbnails) {
      byte[] jpeg = objects.get(key);
      assertThat(jpeg[0] & 0xFF).as(key + " starts with the JPEG SOI marker").isEqualTo(0xFF);
      assertThat(jpeg[1] & 0xFF).as(key + " starts with the JPEG SOI marker").isEqualTo(0xD8);
    }
    Path file = dataDir.resolve("thumb.jpg");
    Files.write(file, objects.get(prefix + "/media/latest_thumbnail/thumb.jpg"));
    assertThat(ffprobe(file)).isEqualTo("mjpeg,640,360");
    Files.write(file, objects.get(thumbnails.get(0)));
    assertThat(ffprobe(file)).isEqualTo("mjpeg,640,360");
  }

  /** {@code recordings/ivs/v1/<account>/<channel>/<y>/<m>/<d>/<h>/<mm>/<recording id>} of an object key. */
  private static String prefix(String key) {
    String[] parts = key.split("/");
    return String.join("/", java.util.Arrays.copyOf(parts, 11));
  }

  private static String ffprobe(Path file) throws Exception {
    Process process = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height",
        "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("ffprobe: " + out).isZero();
    return out;
  }
}

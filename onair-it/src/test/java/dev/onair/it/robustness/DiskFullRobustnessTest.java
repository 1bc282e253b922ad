package dev.onair.it.robustness;

import static dev.onair.it.robustness.RecordingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.it.OnairProcess;
import dev.onair.it.Tools;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The disk under the S3 store fills up while a channel records. The server's {@code <data dir>/s3} is a 24 MiB
 * tmpfs (mounting needs root: CI runs as root; without it this test fails saying so, it never skips), filled up to
 * the last 1.5 MiB before a ~2 Mbit/s publisher starts, so the recording runs out of space within seconds.
 *
 * <p>Expected, as IVS behaves when it cannot write a recording: the recording fails at once with one clear log line
 * and no stack trace, the session gets "Recording End Failure", the broadcast goes on; what was stored reads back
 * whole and nothing half-written is listed; the API keeps answering, and an S3 PutObject that cannot be stored is
 * refused (500 InternalError), not acknowledged. Once space returns the failed recording gets its verdict
 * ({@code recording-failed.json} RECORDING_ENDED_WITH_FAILURE and no {@code recording-ended.json}, a VOD playlist
 * ffprobe reads through) and the
 * channel's next broadcast records normally.
 */
class DiskFullRobustnessTest {
  private static final long TMPFS_BYTES = 24L << 20;
  private static final long LEFT_FREE = 3L << 19;

  @Test
  void recordingIntoAFullDisk_failsCleanly_andRecordsAgainOnceSpaceReturns() throws Exception {
    requireRoot();
    Tools.require("mount");
    Tools.require("umount");
    Tools.require("ffprobe");
    Path dataDir = Files.createTempDirectory("onair-diskfull-");
    Path s3Root = Files.createDirectories(dataDir.resolve("s3"));
    run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_BYTES, "onair-diskfull", s3Root.toString());
    int rtmpPort = RecordingFixture.freePort();
    OnairProcess onair = null;
    Process publisher = null;
    Path clip = null;
    try {
      onair = OnairProcess.startOn(dataDir, "--rtmp-port", Integer.toString(rtmpPort));
      clip = RecordingFixture.clip(6, 2000);
      try (IvsClient ivs = RecordingFixture.ivs(onair); S3Client s3 = RecordingFixture.s3(onair)) {
        String bucket = "onair-diskfull";
        String configuration = RecordingFixture.recordingConfiguration(ivs, s3, bucket);
        CreateChannelResponse created = ivs.createChannel(r -> r.name("diskfull").insecureIngest(true)
            .latencyMode("NORMAL").recordingConfigurationArn(configuration));
        String channel = created.channel().arn();

        Path filler = s3Root.resolve("filler");
        fill(s3Root, filler, LEFT_FREE);
        int logMark = onair.log().length();
        publisher = RecordingFixture.publish(clip, rtmpPort, created.streamKey().value());
        await("the channel LIVE", Duration.ofSeconds(30), () -> RecordingFixture.live(ivs, channel));
        await("Recording End Failure once the disk is full", Duration.ofSeconds(60),
            () -> RecordingFixture.events(ivs, channel).contains("Recording End Failure"));
        System.out.println("robustness disk full: recording failed with " + Files.getFileStore(s3Root)
            .getUsableSpace() / 1024 + " KiB left on the S3 filesystem; events "
            + RecordingFixture.events(ivs, channel));

        // the broadcast goes on, the API answers, and a write that cannot be stored is refused
        Thread.sleep(2000);
        assertThat(RecordingFixture.live(ivs, channel)).as("the broadcast goes on").isTrue();
        assertThat(publisher.isAlive()).as("the publisher stays connected").isTrue();
        assertThat(ivs.listChannels(r -> r.maxResults(10)).channels()).isNotEmpty();
        assertThat(ivs.createChannel(r -> r.name("diskfull-other")).channel().arn()).isNotBlank();
        byte[] object = new byte[2 << 20];
        assertThatThrownBy(() -> s3.putObject(r -> r.bucket(bucket).key("big.bin"), RequestBody.fromBytes(object)))
            .isInstanceOfSatisfying(S3Exception.class, e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
            });
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket).key("big.bin")))
            .as("a refused write is not stored").isInstanceOf(NoSuchKeyException.class);

        // nothing half-written: every listed object reads back whole, no temporary file is left over
        List<String> prefixes = RecordingFixture.recordingPrefixes(s3, bucket);
        assertThat(prefixes).hasSize(1);
        String failed = prefixes.get(0);
        int whole = RecordingFixture.assertWhole(s3, bucket, failed);
        assertThat(leftovers(s3Root.resolve("tmp"))).as("temporary files of refused writes").isZero();

        // one clear line, no stack trace
        String log = onair.log().substring(logMark);
        List<String> failures = log.lines().filter(l -> l.contains("recording") && l.contains("failed: storage full"))
            .toList();
        assertThat(failures).as("the recording's failure, logged once:\n" + log).hasSize(1);
        assertThat(log.lines().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by")).count())
            .as("stack trace lines in the log while the disk is full:\n" + log).isZero();

        // space returns: the verdict is written (at once if the few KiB left took it, else now), what was recorded
        // plays, and recording works again
        boolean verdictWhileFull = RecordingFixture.keys(s3, bucket, failed + "/events/").stream()
            .anyMatch(k -> k.endsWith("recording-failed.json"));
        Files.delete(filler);
        await("recording-failed.json of the failed recording", Duration.ofSeconds(20),
            () -> RecordingFixture.keys(s3, bucket, failed + "/events/").stream()
                .anyMatch(k -> k.endsWith("recording-failed.json")));
        assertThat(RecordingFixture.text(s3, bucket, failed + "/events/recording-failed.json"))
            .contains("\"recording_status\":\"RECORDING_ENDED_WITH_FAILURE\"");
        assertThat(RecordingFixture.keys(s3, bucket, failed + "/events/")).as("a failure is not an end")
            .noneMatch(k -> k.endsWith("recording-ended.json"));
        double failedDuration = RecordingFixture.probeVod(s3, bucket, failed);
        s3.putObject(r -> r.bucket(bucket).key("big.bin"), RequestBody.fromBytes(object));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("big.bin")).contentLength()).isEqualTo(object.length);

        RecordingFixture.stop(publisher);
        await("the channel offline", Duration.ofSeconds(20), () -> !RecordingFixture.live(ivs, channel));
        publisher = RecordingFixture.publish(clip, rtmpPort, created.streamKey().value());
        await("the channel LIVE again", Duration.ofSeconds(30), () -> RecordingFixture.live(ivs, channel));
        Thread.sleep(7000);
        RecordingFixture.stop(publisher);
        await("Recording End of the new recording", Duration.ofSeconds(30),
            () -> RecordingFixture.events(ivs, channel).contains("Recording End"));
        List<String> after = RecordingFixture.recordingPrefixes(s3, bucket);
        assertThat(after).hasSize(2);
        String next = after.stream().filter(p -> !p.equals(failed)).findFirst().orElseThrow();
        assertThat(RecordingFixture.text(s3, bucket, next + "/events/recording-ended.json"))
            .contains("\"recording_status\":\"RECORDING_ENDED\"");
        assertThat(RecordingFixture.keys(s3, bucket, next + "/events/"))
            .noneMatch(k -> k.endsWith("recording-failed.json"));
        double nextDuration = RecordingFixture.probeVod(s3, bucket, next);
        assertThat(nextDuration).isGreaterThan(2.0);
        System.out.printf("robustness disk full: failed recording kept %d whole objects, %.1f s playable; verdict"
            + " written while the disk was full: %s; next recording %.1f s, RECORDING_ENDED%n", whole,
            failedDuration, verdictWhileFull, nextDuration);
      }
    } catch (AssertionError | Exception e) {
      if (onair != null) {
        System.out.println("---- onair log ----\n" + onair.log());
      }
      throw e;
    } finally {
      try {
        RecordingFixture.stop(publisher);
        if (onair != null) {
          onair.close();
        }
      } finally {
        unmount(s3Root);
        RecordingFixture.deleteTree(dataDir);
        if (clip != null) {
          Files.deleteIfExists(clip);
        }
      }
    }
  }

  /** A tmpfs mount needs root; without it this test cannot run, and says so rather than skipping. */
  private static void requireRoot() throws Exception {
    Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    id.waitFor(10, TimeUnit.SECONDS);
    if (!"0".equals(uid)) {
      throw new AssertionError("DiskFullRobustnessTest needs root to mount a size-limited tmpfs as the S3 store"
          + " (uid is " + uid + "); CI runs as root");
    }
  }

  /** Writes {@code filler} until only {@code leaveFree} bytes are usable on the filesystem of {@code root}. */
  private static void fill(Path root, Path filler, long leaveFree) throws IOException {
    byte[] block = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(filler)) {
      long toWrite = Files.getFileStore(root).getUsableSpace() - leaveFree;
      while (toWrite > 0) {
        int n = (int) Math.min(block.length, toWrite);
        out.write(block, 0, n);
        toWrite -= n;
      }
    }
  }

  private static long leftovers(Path tmp) throws IOException {
    if (!Files.isDirectory(tmp)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(tmp)) {
      return files.count();
    }
  }

  /** Unmounts, lazily if something still holds the mount, so no test leaves a mount behind. */
  private static void unmount(Path mountPoint) throws Exception {
    Process process = new ProcessBuilder("umount", mountPoint.toString()).redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      run("umount", "-l", mountPoint.toString());
    }
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
  }
}

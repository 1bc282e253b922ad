package dev.onair.it.robustness;

import static dev.onair.it.robustness.RecordingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairProcess;
import dev.onair.it.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.StreamSessionSummary;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SIGKILL of the server process in the middle of a recording, then a restart on the same data directory: the
 * interrupted recording gets its verdict ({@code recording-failed.json} RECORDING_ENDED_WITH_FAILURE and no
 * {@code recording-ended.json}, since the end of the broadcast was never seen), its VOD playlist names only
 * segments that were stored and ffprobe reads it through, every listed object is whole, every recording has exactly
 * one verdict, the interrupted session is ended,
 * and the channel streams and records again. (onair-live's tests cover the recovery in-process; this is the real
 * process with its real database and files.)
 */
class KillDuringRecordingRobustnessTest {
  @Test
  void sigkillMidRecording_restartGivesTheRecordingItsVerdict_andTheChannelRecordsAgain() throws Exception {
    Tools.require("ffprobe");
    Path dataDir = Files.createTempDirectory("onair-kill-");
    Path clip = RecordingFixture.clip(6, 800);
    OnairProcess onair = null;
    Process publisher = null;
    try {
      int rtmpPort = RecordingFixture.freePort();
      onair = OnairProcess.startOn(dataDir, "--rtmp-port", Integer.toString(rtmpPort));
      String bucket = "onair-kill";
      CreateChannelResponse created;
      String killed;
      int segmentsBeforeKill;
      try (IvsClient ivs = RecordingFixture.ivs(onair); S3Client s3 = RecordingFixture.s3(onair)) {
        String configuration = RecordingFixture.recordingConfiguration(ivs, s3, bucket);
        created = ivs.createChannel(r -> r.name("killed").insecureIngest(true).latencyMode("NORMAL")
            .recordingConfigurationArn(configuration));
        String channel = created.channel().arn();
        publisher = RecordingFixture.publish(clip, rtmpPort, created.streamKey().value());
        await("the channel LIVE", Duration.ofSeconds(30), () -> RecordingFixture.live(ivs, channel));
        await("three recorded segments", Duration.ofSeconds(40), () -> segments(s3, bucket) >= 3);
        killed = RecordingFixture.recordingPrefixes(s3, bucket).get(0);
        segmentsBeforeKill = segments(s3, bucket);
      }
      onair.kill(); // mid-recording: no shutdown hook, no final segment, no end files
      RecordingFixture.stop(publisher);
      publisher = null;

      int restartRtmpPort = RecordingFixture.freePort();
      onair = OnairProcess.startOn(dataDir, "--rtmp-port", Integer.toString(restartRtmpPort));
      try (IvsClient ivs = RecordingFixture.ivs(onair); S3Client s3 = RecordingFixture.s3(onair)) {
        String channel = created.channel().arn();
        await("recording-failed.json of the killed recording", Duration.ofSeconds(30),
            () -> RecordingFixture.keys(s3, bucket, killed + "/events/").stream()
                .anyMatch(k -> k.endsWith("/recording-failed.json")));
        assertThat(RecordingFixture.text(s3, bucket, killed + "/events/recording-failed.json"))
            .contains("\"recording_status\":\"RECORDING_ENDED_WITH_FAILURE\"", channel);
        assertThat(RecordingFixture.keys(s3, bucket, killed + "/events/")).as("a failure is not an end")
            .noneMatch(k -> k.endsWith("/recording-ended.json"));
        int whole = RecordingFixture.assertWhole(s3, bucket, killed);
        double killedDuration = RecordingFixture.probeVod(s3, bucket, killed);
        assertThat(killedDuration).as("what was recorded before the kill plays").isGreaterThan(2.0);
        List<StreamSessionSummary> sessions = ivs.listStreamSessions(r -> r.channelArn(channel)).streamSessions();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).endTime()).as("the interrupted session is ended").isNotNull();

        publisher = RecordingFixture.publish(clip, restartRtmpPort, created.streamKey().value());
        await("the channel LIVE after the restart", Duration.ofSeconds(30), () -> RecordingFixture.live(ivs, channel));
        Thread.sleep(7000);
        RecordingFixture.stop(publisher);
        publisher = null;
        await("Recording End of the new recording", Duration.ofSeconds(30),
            () -> RecordingFixture.events(ivs, channel).contains("Recording End"));
        List<String> prefixes = RecordingFixture.recordingPrefixes(s3, bucket);
        assertThat(prefixes).hasSize(2);
        String next = prefixes.stream().filter(p -> !p.equals(killed)).findFirst().orElseThrow();
        for (String prefix : prefixes) {
          // exactly one verdict each: recording-failed.json for the killed one, recording-ended.json for the next
          String verdict = prefix.equals(killed) ? "/recording-failed.json" : "/recording-ended.json";
          assertThat(RecordingFixture.keys(s3, bucket, prefix + "/events/")).as("verdict of " + prefix)
              .filteredOn(k -> k.endsWith("/recording-ended.json") || k.endsWith("/recording-failed.json"))
              .singleElement().satisfies(k -> assertThat(k).endsWith(verdict));
        }
        assertThat(RecordingFixture.text(s3, bucket, next + "/events/recording-ended.json"))
            .contains("\"recording_status\":\"RECORDING_ENDED\"");
        double nextDuration = RecordingFixture.probeVod(s3, bucket, next);
        assertThat(nextDuration).isGreaterThan(2.0);
        System.out.printf("robustness SIGKILL mid-recording: %d segments stored before the kill; after the restart"
            + " RECORDING_ENDED_WITH_FAILURE with %d whole objects, %.1f s playable; next recording %.1f s,"
            + " RECORDING_ENDED%n", segmentsBeforeKill, whole, killedDuration, nextDuration);
      }
    } catch (AssertionError | Exception e) {
      if (onair != null) {
        System.out.println("---- onair log ----\n" + onair.log());
      }
      throw e;
    } finally {
      RecordingFixture.stop(publisher);
      if (onair != null) {
        onair.close();
      }
      RecordingFixture.deleteTree(dataDir);
      Files.deleteIfExists(clip);
    }
  }

  private static int segments(S3Client s3, String bucket) {
    return (int) RecordingFixture.keys(s3, bucket, "ivs/v1/").stream().filter(k -> k.endsWith(".ts")).count();
  }
}

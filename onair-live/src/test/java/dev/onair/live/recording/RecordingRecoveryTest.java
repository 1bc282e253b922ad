package dev.onair.live.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.live.fakes.Fakes;
import dev.onair.live.port.InMemoryRecordingRepository;
import dev.onair.live.port.RecordingRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecordingRecoveryTest {
  private static final Instant T0 = Instant.parse("2025-02-03T04:05:06Z");
  private static final String PREFIX = "ivs/v1/123456789012/chan/2025/2/3/4/5/rec000000001";

  @Test
  void recover_closesPlaylistAndWritesFailureVerdict() {
    InMemoryRecordingRepository recordings = new InMemoryRecordingRepository();
    Fakes.Objects objects = new Fakes.Objects();
    String playlist = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n"
        + "#EXT-X-PLAYLIST-TYPE:EVENT\n#EXTINF:2.000,\n0.ts\n";
    RecordingRecord interrupted = new RecordingRecord("rec000000001", "arn:aws:ivs:us-east-1:123456789012:channel/chan",
        "st-1", "bucket", PREFIX, T0, "TS", "360p30", 640, 360, 2000, playlist, RecordingRecord.STARTED, null);
    recordings.create(interrupted);
    recordings.create(new RecordingRecord("rec000000002", interrupted.channelArn(), "st-2", "bucket", PREFIX + "x",
        T0, "TS", null, 0, 0, 0, null, RecordingRecord.ENDED, T0));

    int finished = new RecordingRecovery(recordings, objects, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC))
        .recover();

    assertThat(finished).isEqualTo(1);
    assertThat(recordings.unfinished()).isEmpty();
    assertThat(recordings.find("rec000000001").orElseThrow().status()).isEqualTo(RecordingRecord.FAILED);
    String vod = new String(objects.get("bucket/" + PREFIX + "/media/hls/360p30/playlist.m3u8"),
        StandardCharsets.UTF_8);
    assertThat(vod).contains("#EXT-X-PLAYLIST-TYPE:VOD").endsWith("#EXT-X-ENDLIST\n");
    assertThat(objects.get("bucket/" + PREFIX + "/events/recording-ended.json")).as("a failure is not an end").isNull();
    String failed = new String(objects.get("bucket/" + PREFIX + "/events/recording-failed.json"),
        StandardCharsets.UTF_8);
    assertThat(failed).doesNotContain("byte_range_playlist").contains("\"version\":\"v1\"",
        "\"channel_arn\":\"" + interrupted.channelArn() + "\"", "\"recording_started_at\":\"2025-02-03T04:05:06Z\"",
        "\"path\":\"media/hls\"", "\"playlist\":\"master.m3u8\"", "\"playlist\":\"playlist.m3u8\"",
        "\"resolution_height\":360", "\"resolution_width\":640");
    assertThat(failed).contains("\"recording_status\":\"RECORDING_ENDED_WITH_FAILURE\"",
        "\"recording_status_message\":\"InternalServerException\"", "\"duration_ms\":2000",
        "\"recording_ended_at\":\"2025-02-03T04:06:06Z\"", "\"path\":\"360p30\"");
    assertThat(objects.keys()).hasSize(2);
  }
}

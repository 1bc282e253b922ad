package dev.onair.storage.jdbc.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.AudioConfiguration;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.ivs.model.StreamSession;
import dev.onair.ivs.model.VideoConfiguration;
import dev.onair.live.port.RecordingRecord;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live repositories on embedded H2; {@link PostgresLiveRepositoriesTest} runs the same on PostgreSQL. */
class JdbcLiveRepositoriesTest {
  private static final String CHANNEL = "arn:aws:ivs:us-east-1:123456789012:channel/abcdABCDefgh";
  private static final Instant T0 = Instant.parse("2025-03-04T05:06:07Z");

  @TempDir Path dataDir;
  private Database database;
  private JdbcLiveSessionRepository sessions;
  private JdbcRecordingRepository recordings;

  Database openDatabase(Path dir) {
    return Database.open(DatabaseSettings.embedded(dir));
  }

  @BeforeEach
  void open() {
    database = openDatabase(dataDir);
    sessions = new JdbcLiveSessionRepository(database.jdbc());
    recordings = new JdbcRecordingRepository(database.jdbc());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void session_lifecycle_eventsNewestFirst_ingestAndEnd() {
    sessions.create(CHANNEL, "st-1", T0);
    sessions.addEvent(CHANNEL, "st-1", new StreamEvent("Session Created", "IVS Stream State Change", T0, null), false);
    sessions.addEvent(CHANNEL, "st-1",
        new StreamEvent("Stream Start", "IVS Stream State Change", T0.plusSeconds(1), null), false);
    VideoConfiguration video = new VideoConfiguration("High", "3.1", "avc1.64001F", "Lavf", 1_000_000L, 30L, 360L,
        640L, "3.1", "Track0", "High");
    AudioConfiguration audio = new AudioConfiguration("mp4a.40.2", 128_000L, 44_100L, 2L, "Track0");
    sessions.updateIngest(CHANNEL, "st-1", video, audio);
    assertThat(sessions.open()).extracting(StreamSession::streamId).containsExactly("st-1");

    sessions.end(CHANNEL, "st-1", T0.plusSeconds(60));
    sessions.create(CHANNEL, "st-2", T0.plusSeconds(120));
    sessions.addEvent(CHANNEL, "st-2",
        new StreamEvent("Recording Start Failure", "IVS Recording State Change", T0.plusSeconds(121), null), true);

    assertThat(sessions.sessions(CHANNEL)).extracting(StreamSession::streamId).containsExactly("st-2", "st-1");
    StreamSession first = sessions.find(CHANNEL, "st-1").orElseThrow();
    assertThat(first.endTime()).isEqualTo(T0.plusSeconds(60));
    assertThat(first.videoTracks()).containsExactly(video);
    assertThat(first.audioTracks()).containsExactly(audio);
    assertThat(first.truncatedEvents()).extracting(StreamEvent::name).containsExactly("Stream Start",
        "Session Created");
    assertThat(first.hasErrorEvent()).isFalse();
    assertThat(sessions.find(CHANNEL, "st-2").orElseThrow().hasErrorEvent()).isTrue();
    assertThat(sessions.open()).extracting(StreamSession::streamId).containsExactly("st-2");

    sessions.deleteChannel(CHANNEL);
    assertThat(sessions.sessions(CHANNEL)).isEmpty();
  }

  @Test
  void recording_progressAndVerdict() {
    RecordingRecord record = new RecordingRecord("j8Z9O91ndcVs", CHANNEL, "st-1", "bucket",
        "ivs/v1/123456789012/abcdABCDefgh/2025/3/4/5/6/j8Z9O91ndcVs", T0, "TS", null, 0, 0, 0, null,
        RecordingRecord.STARTED, null);
    recordings.create(record);
    RecordingRecord progressed = record.withProgress("360p30", 640, 360, 4000, "#EXTM3U\n");
    recordings.update(progressed);
    assertThat(recordings.unfinished()).containsExactly(progressed);
    RecordingRecord done = progressed.finished(RecordingRecord.ENDED, T0.plusSeconds(10));
    recordings.update(done);
    assertThat(recordings.unfinished()).isEmpty();
    assertThat(recordings.find("j8Z9O91ndcVs")).contains(done);
  }
}

package dev.onair.storage.jdbc.live;

import static java.util.Objects.requireNonNull;

import dev.onair.live.port.RecordingRecord;
import dev.onair.live.port.RecordingRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Recordings to S3 over JDBC (schema: V500__live.sql). */
public final class JdbcRecordingRepository implements RecordingRepository {
  private static final String COLUMNS = "recording_id, channel_arn, stream_id, bucket, key_prefix, started_at,"
      + " ended_at, container, rendition_path, width, height, duration_ms, media_playlist, status";

  private final Jdbc jdbc;

  public JdbcRecordingRepository(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public void create(RecordingRecord r) {
    jdbc.update("insert into live_recording (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.recordingId(), r.channelArn(), r.streamId(), r.bucket(), r.keyPrefix(), r.startedAt(), r.endedAt(),
        r.container(), r.renditionPath(), r.width(), r.height(), r.durationMillis(), r.mediaPlaylist(), r.status());
  }

  @Override
  public void update(RecordingRecord r) {
    jdbc.update("update live_recording set ended_at = ?, rendition_path = ?, width = ?, height = ?,"
            + " duration_ms = ?, media_playlist = ?, status = ? where recording_id = ?",
        r.endedAt(), r.renditionPath(), r.width(), r.height(), r.durationMillis(), r.mediaPlaylist(), r.status(),
        r.recordingId());
  }

  @Override
  public Optional<RecordingRecord> find(String recordingId) {
    return jdbc.queryOne("select " + COLUMNS + " from live_recording where recording_id = ?",
        JdbcRecordingRepository::map, recordingId);
  }

  @Override
  public List<RecordingRecord> unfinished() {
    return jdbc.query("select " + COLUMNS + " from live_recording where status = ? order by started_at",
        JdbcRecordingRepository::map, RecordingRecord.STARTED);
  }

  private static RecordingRecord map(Row row) throws SQLException {
    return new RecordingRecord(row.string("recording_id"), row.string("channel_arn"), row.string("stream_id"),
        row.string("bucket"), row.string("key_prefix"), row.instant("started_at"), row.string("container"),
        row.string("rendition_path"), row.integer("width"), row.integer("height"), row.longValue("duration_ms"),
        row.string("media_playlist"), row.string("status"), row.instant("ended_at"));
  }
}

package dev.onair.storage.jdbc.live;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.model.AudioConfiguration;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.ivs.model.StreamSession;
import dev.onair.ivs.model.VideoConfiguration;
import dev.onair.live.port.LiveSessionRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import dev.onair.storage.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stream sessions and events over JDBC (schema: V500__live.sql). */
public final class JdbcLiveSessionRepository implements LiveSessionRepository {
  private static final String TRACK = "Track0";
  private static final String COLUMNS = "channel_arn, stream_id, start_time, end_time, has_error_event, video_codec,"
      + " video_profile, video_level, video_encoder, video_bitrate, video_framerate, video_width, video_height,"
      + " audio_codec, audio_bitrate, audio_sample_rate, audio_channels";

  private record SessionRow(String channelArn, String streamId, Instant start, Instant end, boolean error,
      VideoConfiguration video, AudioConfiguration audio) {}

  private final Jdbc jdbc;

  public JdbcLiveSessionRepository(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public void create(String channelArn, String streamId, Instant startTime) {
    jdbc.update("insert into live_stream_session (channel_arn, stream_id, start_time) values (?, ?, ?)",
        channelArn, streamId, startTime);
  }

  @Override
  public void updateIngest(String channelArn, String streamId, VideoConfiguration v, AudioConfiguration a) {
    jdbc.update("update live_stream_session set video_codec = ?, video_profile = ?, video_level = ?,"
            + " video_encoder = ?, video_bitrate = ?, video_framerate = ?, video_width = ?, video_height = ?,"
            + " audio_codec = ?, audio_bitrate = ?, audio_sample_rate = ?, audio_channels = ?"
            + " where channel_arn = ? and stream_id = ?",
        v == null ? null : v.codec(), v == null ? null : v.profile(), v == null ? null : v.level(),
        v == null ? null : truncate(v.encoder(), 256), v == null ? null : v.targetBitrate(),
        v == null ? null : v.targetFramerate(), v == null ? null : v.videoWidth(),
        v == null ? null : v.videoHeight(), a == null ? null : a.codec(), a == null ? null : a.targetBitrate(),
        a == null ? null : a.sampleRate(), a == null ? null : a.channels(), channelArn, streamId);
  }

  @Override
  public void addEvent(String channelArn, String streamId, StreamEvent event, boolean error) {
    jdbc.transactionVoid(tx -> {
      tx.update("insert into live_stream_event (channel_arn, stream_id, name, event_type, event_time, code)"
              + " values (?, ?, ?, ?, ?, ?)",
          channelArn, streamId, event.name(), event.type(), event.eventTime(), event.code());
      if (error) {
        tx.update("update live_stream_session set has_error_event = true where channel_arn = ? and stream_id = ?",
            channelArn, streamId);
      }
    });
  }

  @Override
  public void end(String channelArn, String streamId, Instant endTime) {
    jdbc.update("update live_stream_session set end_time = ? where channel_arn = ? and stream_id = ?"
        + " and end_time is null", endTime, channelArn, streamId);
  }

  @Override
  public List<StreamSession> sessions(String channelArn) {
    return jdbc.transaction(tx -> {
      List<SessionRow> rows = tx.query("select " + COLUMNS + " from live_stream_session where channel_arn = ?"
          + " order by start_time desc, stream_id desc", JdbcLiveSessionRepository::session, channelArn);
      Map<String, List<StreamEvent>> events = new HashMap<>();
      tx.query("select stream_id, name, event_type, event_time, code from live_stream_event where channel_arn = ?"
              + " order by event_time desc, id desc",
          row -> events.computeIfAbsent(row.string("stream_id"), k -> new ArrayList<>()).add(event(row)),
          channelArn);
      List<StreamSession> sessions = new ArrayList<>(rows.size());
      for (SessionRow row : rows) {
        sessions.add(toSession(row, events.getOrDefault(row.streamId(), List.of())));
      }
      return sessions;
    });
  }

  @Override
  public Optional<StreamSession> find(String channelArn, String streamId) {
    return jdbc.transaction(tx -> tx.queryOne("select " + COLUMNS + " from live_stream_session"
            + " where channel_arn = ? and stream_id = ?", JdbcLiveSessionRepository::session, channelArn, streamId)
        .map(row -> toSession(row, events(tx, channelArn, streamId))));
  }

  @Override
  public List<StreamSession> open() {
    return jdbc.transaction(tx -> tx.query("select " + COLUMNS + " from live_stream_session where end_time is null",
            JdbcLiveSessionRepository::session).stream()
        .map(row -> toSession(row, events(tx, row.channelArn(), row.streamId())))
        .toList());
  }

  @Override
  public void deleteChannel(String channelArn) {
    jdbc.transactionVoid(tx -> {
      tx.update("delete from live_stream_event where channel_arn = ?", channelArn);
      tx.update("delete from live_stream_session where channel_arn = ?", channelArn);
    });
  }

  private static List<StreamEvent> events(Tx tx, String channelArn, String streamId) {
    return tx.query("select name, event_type, event_time, code from live_stream_event"
        + " where channel_arn = ? and stream_id = ? order by event_time desc, id desc",
        JdbcLiveSessionRepository::event, channelArn, streamId);
  }

  private static StreamSession toSession(SessionRow row, List<StreamEvent> events) {
    List<StreamEvent> newest = events.size() > MAX_EVENTS ? events.subList(0, MAX_EVENTS) : events;
    return new StreamSession(row.channelArn(), row.streamId(), row.start(), row.end(),
        row.video() == null ? List.of() : List.of(row.video()), row.audio() == null ? List.of() : List.of(row.audio()),
        newest, row.error());
  }

  private static SessionRow session(Row row) throws SQLException {
    String videoCodec = row.string("video_codec");
    VideoConfiguration video = videoCodec == null ? null : new VideoConfiguration(row.string("video_profile"),
        row.string("video_level"), videoCodec, row.string("video_encoder"), row.longValue("video_bitrate"),
        row.longValue("video_framerate"), row.longValue("video_height"), row.longValue("video_width"),
        row.string("video_level"), TRACK, row.string("video_profile"));
    String audioCodec = row.string("audio_codec");
    AudioConfiguration audio = audioCodec == null ? null : new AudioConfiguration(audioCodec,
        row.longValue("audio_bitrate"), row.longValue("audio_sample_rate"), row.longValue("audio_channels"), TRACK);
    return new SessionRow(row.string("channel_arn"), row.string("stream_id"), row.instant("start_time"),
        row.instant("end_time"), row.bool("has_error_event"), video, audio);
  }

  private static StreamEvent event(Row row) throws SQLException {
    return new StreamEvent(row.string("name"), row.string("event_type"), row.instant("event_time"),
        row.string("code"));
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}

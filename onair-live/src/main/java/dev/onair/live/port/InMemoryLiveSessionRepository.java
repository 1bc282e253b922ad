package dev.onair.live.port;

import dev.onair.ivs.model.AudioConfiguration;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.ivs.model.StreamSession;
import dev.onair.ivs.model.VideoConfiguration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions in memory: for tests, and for a server started without a database. */
public final class InMemoryLiveSessionRepository implements LiveSessionRepository {
  private static final class Row {
    final String channelArn;
    final String streamId;
    final Instant startTime;
    Instant endTime;
    VideoConfiguration video;
    AudioConfiguration audio;
    final List<StreamEvent> events = new ArrayList<>();
    boolean error;

    Row(String channelArn, String streamId, Instant startTime) {
      this.channelArn = channelArn;
      this.streamId = streamId;
      this.startTime = startTime;
    }

    StreamSession toSession() {
      List<StreamEvent> newest = new ArrayList<>(events);
      newest.sort(Comparator.comparing(StreamEvent::eventTime).reversed());
      if (newest.size() > MAX_EVENTS) {
        newest = newest.subList(0, MAX_EVENTS);
      }
      return new StreamSession(channelArn, streamId, startTime, endTime,
          video == null ? List.of() : List.of(video), audio == null ? List.of() : List.of(audio), newest, error);
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();

  private static String key(String channelArn, String streamId) {
    return channelArn + " " + streamId;
  }

  @Override
  public synchronized void create(String channelArn, String streamId, Instant startTime) {
    rows.put(key(channelArn, streamId), new Row(channelArn, streamId, startTime));
  }

  @Override
  public synchronized void updateIngest(
      String channelArn, String streamId, VideoConfiguration video, AudioConfiguration audio) {
    Row row = rows.get(key(channelArn, streamId));
    if (row != null) {
      row.video = video;
      row.audio = audio;
    }
  }

  @Override
  public synchronized void addEvent(String channelArn, String streamId, StreamEvent event, boolean error) {
    Row row = rows.get(key(channelArn, streamId));
    if (row != null) {
      row.events.add(event);
      row.error |= error;
    }
  }

  @Override
  public synchronized void end(String channelArn, String streamId, Instant endTime) {
    Row row = rows.get(key(channelArn, streamId));
    if (row != null && row.endTime == null) {
      row.endTime = endTime;
    }
  }

  @Override
  public synchronized List<StreamSession> sessions(String channelArn) {
    return rows.values().stream()
        .filter(row -> row.channelArn.equals(channelArn))
        .sorted(Comparator.comparing((Row row) -> row.startTime).reversed())
        .map(Row::toSession)
        .toList();
  }

  @Override
  public synchronized Optional<StreamSession> find(String channelArn, String streamId) {
    return Optional.ofNullable(rows.get(key(channelArn, streamId))).map(Row::toSession);
  }

  @Override
  public synchronized List<StreamSession> open() {
    return rows.values().stream().filter(row -> row.endTime == null).map(Row::toSession).toList();
  }

  @Override
  public synchronized void deleteChannel(String channelArn) {
    rows.values().removeIf(row -> row.channelArn.equals(channelArn));
  }
}

package dev.onair.live.port;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recordings in memory: for tests, and for a server started without a database. */
public final class InMemoryRecordingRepository implements RecordingRepository {
  private final Map<String, RecordingRecord> rows = new LinkedHashMap<>();

  @Override
  public synchronized void create(RecordingRecord recording) {
    rows.put(recording.recordingId(), recording);
  }

  @Override
  public synchronized void update(RecordingRecord recording) {
    rows.replace(recording.recordingId(), recording);
  }

  @Override
  public synchronized Optional<RecordingRecord> find(String recordingId) {
    return Optional.ofNullable(rows.get(recordingId));
  }

  @Override
  public synchronized List<RecordingRecord> unfinished() {
    return rows.values().stream().filter(r -> RecordingRecord.STARTED.equals(r.status())).toList();
  }
}

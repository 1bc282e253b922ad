package dev.onair.live.port;

import java.util.List;
import java.util.Optional;

/** Recordings in progress and done; the JDBC implementation lives in onair-storage. */
public interface RecordingRepository {
  void create(RecordingRecord recording);

  /** Stores progress or the final verdict (every column but the identity). */
  void update(RecordingRecord recording);

  Optional<RecordingRecord> find(String recordingId);

  /** Recordings still in {@link RecordingRecord#STARTED}: on start-up these were cut short by a crash. */
  List<RecordingRecord> unfinished();
}

package dev.onair.live.recording;

import static java.util.Objects.requireNonNull;

import dev.onair.live.port.RecordingRecord;
import dev.onair.live.port.RecordingRepository;
import dev.onair.s3.ObjectWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every recording that a crash interrupted a verdict on start-up: the rendition playlist as last persisted
 * becomes a VOD playlist (so what was recorded stays playable) and {@code recording-failed.json} says
 * RECORDING_ENDED_WITH_FAILURE with IVS's "InternalServerException" message (a recording that had ended cleanly
 * and waited out its reconnect window gets {@code recording-ended.json} instead). Nothing stays half-written.
 */
public final class RecordingRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(RecordingRecovery.class);

  private final RecordingRepository recordings;
  private final ObjectWriter objects;
  private final Clock clock;

  public RecordingRecovery(RecordingRepository recordings, ObjectWriter objects, Clock clock) {
    this.recordings = requireNonNull(recordings, "recordings is null");
    this.objects = requireNonNull(objects, "objects is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** @return how many recordings were finalised */
  public int recover() {
    return recover(record -> false);
  }

  /**
   * As {@link #recover()}, leaving alone the recordings {@code liveElsewhere} claims (in a cluster: those of
   * broadcasts whose publisher lease another node still renews).
   */
  public int recover(Predicate<RecordingRecord> liveElsewhere) {
    int finished = 0;
    for (RecordingRecord record : recordings.unfinished()) {
      if (liveElsewhere.test(record)) {
        continue;
      }
      if (record.endedAt() != null) {
        end(record);
      } else {
        fail(record);
      }
      finished++;
    }
    return finished;
  }

  /** Closes one interrupted recording: VOD playlist from the persisted progress, failure verdict. */
  public void fail(RecordingRecord record) {
    close(record, RecordingRecord.FAILED, "InternalServerException", clock.instant());
  }

  /**
   * Closes a recording whose broadcast had ended cleanly and which was waiting out its reconnect window
   * (status STARTED with {@code endedAt} set) when Onair stopped: nothing was lost, so the verdict is
   * RECORDING_ENDED at the broadcast's end.
   */
  public void end(RecordingRecord record) {
    close(record, RecordingRecord.ENDED, null, record.endedAt());
  }

  private void close(RecordingRecord record, String status, String message, Instant now) {
    try {
      if (record.renditionPath() != null && record.mediaPlaylist() != null) {
        String vod = record.mediaPlaylist().replace("#EXT-X-PLAYLIST-TYPE:EVENT", "#EXT-X-PLAYLIST-TYPE:VOD")
            + (record.mediaPlaylist().contains("#EXT-X-ENDLIST") ? "" : "#EXT-X-ENDLIST\n");
        objects.put(record.bucket(), RecordingLayout.renditionKey(record.keyPrefix(), record.renditionPath(),
            RecordingLayout.RENDITION_PLAYLIST), vod.getBytes(StandardCharsets.UTF_8),
            "application/vnd.apple.mpegurl");
      }
      objects.put(record.bucket(), record.keyPrefix() + "/" + RecordingLayout.verdictEvent(status),
          RecordingDocuments.ended(record.channelArn(), record.startedAt(), now, status, message,
              record.durationMillis(), record.renditionPath(), record.width(), record.height()),
          "application/json");
    } catch (UncheckedIOException e) {
      // The storage is full or failing: leave the recording unfinished, so the next recovery writes its verdict.
      LOG.warn("could not write the end of interrupted recording {} ({}); it is retried", record.recordingId(),
          e.getMessage());
      return;
    } catch (RuntimeException e) {
      // The bucket may be gone; the verdict is still recorded here so the recording is not retried forever.
      LOG.warn("could not write the end of interrupted recording {}", record.recordingId(), e);
    }
    recordings.update(record.finished(status, now));
    LOG.info("recording {} of {} was interrupted (restart or dead node); marked {}", record.recordingId(),
        record.channelArn(), status);
  }
}

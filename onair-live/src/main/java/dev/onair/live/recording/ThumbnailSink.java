package dev.onair.live.recording;

import static java.util.Objects.requireNonNull;

import dev.onair.hls.mux.AnnexB;
import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import dev.onair.rtmp.session.MediaSink;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a recording's thumbnails from the broadcast's keyframes. On the ingest thread it only decides (interval
 * elapsed on the wall clock, previous thumbnail finished) and converts the keyframe to Annex-B with SPS/PPS; the
 * decode runs on the bounded thumbnail pool. A keyframe that finds the previous thumbnail still decoding is
 * skipped (the next keyframe tries again); a failed or timed-out decode costs one thumbnail, nothing else.
 *
 * <p>One sink serves a recording across merged broadcasts (recordingReconnectWindowSeconds): the interval keeps
 * running and the next broadcast's sequence header replaces the decoder configuration.
 */
final class ThumbnailSink implements MediaSink {
  private static final Logger LOG = LoggerFactory.getLogger(ThumbnailSink.class);

  private final ThumbnailPlan plan;
  private final Supplier<Optional<JpegEncoder>> encoder;
  private final Executor pool;
  private final LongSupplier clockMillis;
  private final Consumer<byte[]> store;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile AvcDecoderConfig config;
  private volatile boolean closed;
  private long lastMillis = Long.MIN_VALUE;

  ThumbnailSink(ThumbnailPlan plan, JpegEncoder encoder, Executor pool, LongSupplier clockMillis,
      Consumer<byte[]> store) {
    this(plan, () -> Optional.of(encoder), pool, clockMillis, store);
  }

  /**
   * @param encoder asked on the pool (never on the ingest thread: finding ffmpeg runs a process); empty means no
   *     thumbnails for this recording
   */
  ThumbnailSink(ThumbnailPlan plan, Supplier<Optional<JpegEncoder>> encoder, Executor pool,
      LongSupplier clockMillis, Consumer<byte[]> store) {
    this.plan = requireNonNull(plan, "plan is null");
    this.encoder = requireNonNull(encoder, "encoder is null");
    this.pool = requireNonNull(pool, "pool is null");
    this.clockMillis = requireNonNull(clockMillis, "clockMillis is null");
    this.store = requireNonNull(store, "store is null");
  }

  @Override
  public void onVideoConfig(long dtsMillis, AvcDecoderConfig config) {
    this.config = config;
  }

  @Override
  public synchronized void onVideo(long dtsMillis, int compositionTimeMillis, boolean keyframe, byte[] avcc) {
    AvcDecoderConfig current = config;
    if (!keyframe || current == null || closed) {
      return;
    }
    long now = clockMillis.getAsLong();
    if (!plan.due(lastMillis, now)) {
      return;
    }
    if (!busy.compareAndSet(false, true)) {
      LOG.debug("thumbnail skipped: the previous one is still decoding");
      return;
    }
    lastMillis = now;
    byte[] annexB = AnnexB.fromAvcc(avcc, current);
    try {
      pool.execute(() -> {
        try {
          Optional<JpegEncoder> found = encoder.get();
          if (found.isEmpty()) {
            closed = true; // no ffmpeg: this recording takes no thumbnails
          } else if (!closed) {
            store.accept(found.get().encode(annexB, plan.maxHeight()));
          }
        } catch (Exception e) {
          LOG.warn("thumbnail not taken: {}", e.toString());
        } finally {
          busy.set(false);
        }
      });
    } catch (RejectedExecutionException e) {
      busy.set(false);
      LOG.debug("thumbnail skipped: the thumbnail pool is full");
    }
  }

  @Override
  public void onAudioConfig(long dtsMillis, AacConfig config) {}

  @Override
  public void onAudio(long dtsMillis, byte[] aacFrame) {}

  /** Not the recording's end: a merged broadcast may follow; {@link #close()} is. */
  @Override
  public void onEnd() {
    config = null;
  }

  void close() {
    closed = true;
  }

  /** For tests: whether it stopped taking thumbnails (recording ended, or no encoder). */
  boolean closed() {
    return closed;
  }

  /** For tests: whether a decode is in flight. */
  boolean busy() {
    return busy.get();
  }
}

package dev.onair.live;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.port.LiveStreamState;
import dev.onair.live.cluster.ClusterLiveStreamState;
import dev.onair.live.cluster.InternalAuth;
import dev.onair.live.cluster.InternalMetadata;
import dev.onair.live.cluster.InternalPlayback;
import dev.onair.live.cluster.LeaseKeeper;
import dev.onair.live.cluster.LiveCluster;
import dev.onair.live.cluster.OrphanReaper;
import dev.onair.live.cluster.PlaybackProxy;
import dev.onair.live.ingest.IngestTls;
import dev.onair.live.ingest.StreamKeyAuthorizer;
import dev.onair.live.metrics.IngestMetricsReporter;
import dev.onair.live.playback.PlaybackHandler;
import dev.onair.live.playback.PlaybackRestrictions;
import dev.onair.live.playback.PlaybackRoutes;
import dev.onair.live.playback.PlaybackSessions;
import dev.onair.live.playback.PlaybackTokenVerifier;
import dev.onair.live.recording.FfmpegJpegEncoder;
import dev.onair.live.recording.RecordingRecovery;
import dev.onair.live.recording.S3RecordingStarter;
import dev.onair.live.state.LiveStreamStateService;
import dev.onair.live.state.RecordingStarter;
import dev.onair.rtmp.netty.RtmpServer;
import dev.onair.rtmp.netty.RtmpServerConfig;
import dev.onair.rtmp.netty.RtmpServerInitializer;
import dev.onair.netty.IoTransport;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane as one unit for the composition root: RTMP and RTMPS listeners bound to IVS channels, the live
 * state IVS's API reads, the playback routes, auto-record to S3 and the once-a-second metrics. {@link #close()}
 * disconnects publishers (ending their sessions and recordings properly) before it stops.
 */
public final class LiveDataPlane implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveDataPlane.class);
  private static final Duration RECORDING_DRAIN = Duration.ofSeconds(10);
  private static final int ADMISSION_THREADS = 4;

  private final LiveStreamStateService state;
  private final LiveStreamState clusterState;
  private final LeaseKeeper leases;
  private final OrphanReaper reaper;
  private final PlaybackRoutes playback;
  private final PlaybackHandler publicPlayback;
  private final PlaybackHandler internalPlayback;
  private final InternalMetadata internalMetadata;
  private final S3RecordingStarter recorder;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ScheduledExecutorService ticker;
  private final ExecutorService playbackPool;
  private final ExecutorService recordingPool;
  private final ExecutorService thumbnailPool;
  private final ThreadPoolExecutor admissionPool;
  private final ExecutorService sessionWrites;
  private RtmpServer rtmp;
  private RtmpServer rtmps;

  private LiveDataPlane(LiveSettings settings, LiveDependencies deps, LiveCluster cluster) {
    playbackPool = Executors.newFixedThreadPool(2, threads("onair-playback"));
    recordingPool = Executors.newFixedThreadPool(2, threads("onair-recording"));
    ticker = Executors.newSingleThreadScheduledExecutor(threads("onair-live-ticker"));
    // Thumbnails: ffmpeg decodes keyframes (no Java H.264 decoder); one thread, a short queue, excess dropped.
    thumbnailPool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(8),
        threads("onair-thumbnails"), new ThreadPoolExecutor.AbortPolicy());
    recorder = deps.objects() == null ? null : new S3RecordingStarter(deps.recordingConfigurations(),
        deps.recordings(), deps.objects(), recordingPool, deps.ids(), deps.clock(), thumbnailPool,
        () -> FfmpegJpegEncoder.detect("ffmpeg", FfmpegJpegEncoder.DEFAULT_TIMEOUT));
    RecordingStarter recordings = recorder == null ? RecordingStarter.none() : recorder;
    leases = new LeaseKeeper(cluster, deps.clock());
    // A publisher's session writes (first codec configuration, end of broadcast) leave its event loop, which other
    // publishers share; the state service keeps each channel's writes in order.
    sessionWrites = Executors.newFixedThreadPool(2, threads("onair-session-writes"));
    state = new LiveStreamStateService(deps.sessions(), recordings, LiveStreamStateService::defaultSegmenterConfig,
        deps.ids(), deps.clock(), leases, sessionWrites);
    leases.onStop(state::stopStream);
    InternalAuth auth = cluster.internalKey() == null ? null : new InternalAuth(cluster.internalKey(), deps.clock());
    internalMetadata = auth == null ? null : new InternalMetadata(auth, state::putMetadata, deps.clock());
    clusterState = new ClusterLiveStreamState(state, cluster.leases(), cluster.nodeId(), deps.clock(),
        internalMetadata == null ? null : internalMetadata::forward);
    reaper = new OrphanReaper(cluster.leases(), deps.sessions(), deps.recordings(),
        deps.objects() == null ? null : new RecordingRecovery(deps.recordings(), deps.objects(), deps.clock()),
        deps.clock());
    playback = new PlaybackRoutes(state::broadcast,
        new PlaybackTokenVerifier(deps.playbackKeyPairs(), deps.viewerSessionRevocations(), deps.clock()),
        new PlaybackSessions(deps.clock()),
        new PlaybackRestrictions(deps.playbackRestrictionPolicies()::find, settings.playbackCountryHeader(),
            deps.clock()),
        deps.clock(), playbackPool);
    if (auth == null) {
      publicPlayback = playback;
      internalPlayback = null;
    } else {
      publicPlayback = new PlaybackProxy(playback, state::isLive, cluster.leases(), cluster.nodeId(), auth,
          settings.playbackCountryHeader(), deps.clock());
      internalPlayback = new InternalPlayback(auth, playback);
    }
    boss = IoTransport.selected().newGroup(1);
    // A publish's database work (key lookup, lease, session and event rows) runs here, never on an event loop:
    // 50 publishers connecting at once must not hold a loop long enough for its other connections' idle timeout.
    // Bounded; a full queue closes the connection (the encoder retries).
    admissionPool = new ThreadPoolExecutor(ADMISSION_THREADS, ADMISSION_THREADS, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(256), threads("onair-publish-admit"), new ThreadPoolExecutor.AbortPolicy());
    admissionPool.allowCoreThreadTimeOut(true);
    // Netty's default, two loops per core. One per core saved nothing at 10 streams (a wake-up still finds one
    // connection), so the known-good default stays (docs/BENCHMARKS.md, "Media CPU at 10 streams (session 3)").
    workers = IoTransport.selected().newGroup(0);
  }

  /** A data plane alone: leases in memory, nothing forwarded. */
  public static LiveDataPlane start(LiveSettings settings, LiveDependencies deps) throws InterruptedException {
    return start(settings, deps, LiveCluster.single());
  }

  /**
   * Finishes what a crash interrupted (sparing broadcasts other nodes still hold), then binds the listeners and
   * starts the ticker: metrics, lease heartbeats and reaping of dead nodes' leases, once a second.
   */
  public static LiveDataPlane start(LiveSettings settings, LiveDependencies deps, LiveCluster cluster)
      throws InterruptedException {
    requireNonNull(settings, "settings is null");
    requireNonNull(deps, "deps is null");
    requireNonNull(cluster, "cluster is null");
    LiveDataPlane plane = new LiveDataPlane(settings, deps, cluster);
    try {
      plane.recover(deps);
      plane.bind(settings, deps);
      IngestMetricsReporter metrics = new IngestMetricsReporter(deps.metrics(), deps.clock());
      plane.ticker.scheduleAtFixedRate(() -> {
        try {
          metrics.report(plane.state.tick());
        } catch (RuntimeException e) {
          LOG.warn("live ticker failed", e);
        }
        try {
          if (plane.recorder != null) {
            plane.recorder.sweep(); // recordings whose reconnect window passed get recording-ended.json
          }
        } catch (RuntimeException e) {
          LOG.warn("recording sweep failed", e);
        }
        // Separate from metrics so that a metrics failure never costs a heartbeat (and so the lease).
        try {
          plane.leases.heartbeat(plane.state.broadcasts());
          plane.reaper.sweep();
        } catch (RuntimeException e) {
          LOG.warn("lease heartbeat or sweep failed", e);
        }
      }, 1, 1, TimeUnit.SECONDS);
    } catch (RuntimeException | InterruptedException e) {
      plane.close();
      throw e;
    }
    return plane;
  }

  private void recover(LiveDependencies deps) {
    reaper.recoverAtStart(state);
  }

  private void bind(LiveSettings settings, LiveDependencies deps) throws InterruptedException {
    RtmpServerConfig config = RtmpServerConfig.DEFAULT.withIdleTimeout(settings.idleTimeout());
    if (settings.rtmpPort() >= 0) {
      StreamKeyAuthorizer plain = new StreamKeyAuthorizer(deps.streamKeys(), deps.channels(), this::liveAnywhere,
          false);
      rtmp = RtmpServer.start(new InetSocketAddress(settings.bind(), settings.rtmpPort()),
          new RtmpServerInitializer(plain, state, config, null, admissionPool), boss, workers);
      LOG.info("RTMP ingest on {}", rtmp.localAddress());
    }
    if (settings.rtmpsPort() >= 0) {
      var tls = IngestTls.serverContext(settings.tlsCertificate(), settings.tlsPrivateKey(), settings.dataDir(),
          settings.publicHost());
      StreamKeyAuthorizer secure = new StreamKeyAuthorizer(deps.streamKeys(), deps.channels(), this::liveAnywhere,
          true);
      rtmps = RtmpServer.start(new InetSocketAddress(settings.bind(), settings.rtmpsPort()),
          new RtmpServerInitializer(secure, state, config, tls, admissionPool), boss, workers);
      LOG.info("RTMPS ingest on {}", rtmps.localAddress());
    }
  }

  /**
   * Refuses early (BadName) when any node is live on the channel; the lease claim when the publisher is created
   * still decides a race between two nodes (Publish.Failed for the loser).
   */
  private boolean liveAnywhere(String channelArn) {
    return state.isLive(channelArn) || clusterState.liveStream(channelArn).isPresent();
  }

  /**
   * For IvsDependencies: GetStream, ListStreams, sessions, StopStream, PutMetadata, key deletion, answered the
   * same on every node of a cluster.
   */
  public LiveStreamState liveStreamState() {
    return clusterState;
  }

  public LiveStreamStateService stateService() {
    return state;
  }

  /** Mount under {@code /api/video/v1/} without SigV4; forwards to the holding node in a cluster. */
  public PlaybackHandler playback() {
    return publicPlayback;
  }

  /**
   * Mount under {@value InternalPlayback#PREFIX}{@code /} without SigV4: other nodes' forwarded playback, refused
   * without their HMAC. Null when the cluster has no internal key (nothing to mount).
   */
  public PlaybackHandler internalPlayback() {
    return internalPlayback;
  }

  /**
   * Mount under {@value InternalMetadata#PREFIX}{@code /} without SigV4: PutMetadata forwarded by other nodes for
   * a broadcast held here, refused without their HMAC. Null when the cluster has no internal key.
   */
  public PlaybackHandler internalMetadata() {
    return internalMetadata;
  }

  /** The bound RTMP port, or -1 when disabled. */
  public int rtmpPort() {
    return rtmp == null ? -1 : rtmp.port();
  }

  /** The bound RTMPS port, or -1 when disabled. */
  public int rtmpsPort() {
    return rtmps == null ? -1 : rtmps.port();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    // Admissions in flight finish first, so that their broadcasts are among those disconnected below.
    admissionPool.shutdown();
    awaitQuietly(admissionPool, 2);
    // Disconnecting ends each broadcast through its usual path: session events, final segment, recording end.
    state.disconnectAll();
    closeQuietly(rtmp);
    closeQuietly(rtmps);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    // The ended broadcasts' rows (events, session end, lease release) are written before the store closes.
    sessionWrites.shutdown();
    awaitQuietly(sessionWrites, 5);
    if (recorder != null) {
      recorder.drain(RECORDING_DRAIN);
    }
    recordingPool.shutdown();
    playbackPool.shutdownNow();
    thumbnailPool.shutdownNow();
    awaitQuietly(recordingPool, 5);
  }

  private static void awaitQuietly(ExecutorService pool, int seconds) {
    try {
      pool.awaitTermination(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(RtmpServer server) {
    if (server != null) {
      try {
        server.close();
      } catch (RuntimeException e) {
        LOG.warn("closing RTMP listener failed", e);
      }
    }
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

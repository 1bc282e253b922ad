package dev.onair.live.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.IdGenerator;
import dev.onair.ivs.model.AudioConfiguration;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.ivs.model.VideoConfiguration;
import dev.onair.live.fakes.Fakes;
import dev.onair.live.ingest.IngestTicket;
import dev.onair.live.port.InMemoryLiveSessionRepository;
import dev.onair.live.port.LiveSessionRepository;
import dev.onair.rtmp.session.MediaSink;
import dev.onair.rtmp.session.PublishRequest;
import dev.onair.rtmp.session.StreamInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session writes a publisher's connection causes run on the writes executor, never on the thread that
 * delivers the media (an RTMP event loop), and land in the order the events happened: the session's rows first,
 * the ingest figures, the end rows, the lease release; a new publisher on the same channel claims the lease only
 * after that release.
 */
class SessionWritesOrderTest {
  private static final Channel CHANNEL = Fakes.channel("ordered", true, "LOW", "TS", "", false);
  private static final StreamInfo INFO = new StreamInfo("avc1.64001f", 100, 31, 1280, 720, 30, "mp4a.40.2", 2,
      48000, 2);

  private final ExecutorService writes = Executors.newSingleThreadExecutor(r -> new Thread(r, "writes"));
  private final List<String> journal = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() {
    writes.shutdownNow();
  }

  @Test
  void endOfBroadcast_leavesTheCallingThread_andKeepsTheSessionsOrder() throws Exception {
    LiveStreamStateService state = service(new JournalingSessions());
    MediaSink first = state.create(request(), TestBroadcasts.connectedHandle());
    String firstId = state.broadcast(CHANNEL.arn()).orElseThrow().streamId();
    // The writes executor is held, so nothing queued behind this can have run when the checks below are made.
    CountDownLatch held = holdWrites();

    first.onStreamInfo(INFO); // on the "event loop": the test thread
    first.onEnd();

    assertThat(state.isLive(CHANNEL.arn())).isFalse();
    assertThat(journal).containsExactly(
        "main: admit " + firstId, "main: create " + firstId, "main: event Session Created",
        "main: event Stream Start");
    held.countDown();
    // The next publisher waits for the previous broadcast's writes before it claims the channel.
    state.create(request(), TestBroadcasts.connectedHandle());
    String secondId = state.broadcast(CHANNEL.arn()).orElseThrow().streamId();

    assertThat(journal).containsExactly(
        "main: admit " + firstId, "main: create " + firstId, "main: event Session Created",
        "main: event Stream Start",
        "writes: ingest " + firstId, "writes: ingest " + firstId, "writes: event Stream End",
        "writes: event Session Ended", "writes: end " + firstId, "writes: ended " + firstId,
        "main: admit " + secondId, "main: create " + secondId, "main: event Session Created",
        "main: event Stream Start");
  }

  @Test
  void codecChangesFasterThanTheDatabase_queueOneIngestWrite_notOneEach() throws Exception {
    LiveStreamStateService state = service(new JournalingSessions());
    MediaSink sink = state.create(request(), TestBroadcasts.connectedHandle());
    String id = state.broadcast(CHANNEL.arn()).orElseThrow().streamId();
    CountDownLatch held = holdWrites();

    // An encoder alternating its codec configuration: every change is a new StreamInfo.
    for (int i = 0; i < 1_000; i++) {
      sink.onStreamInfo(new StreamInfo("avc1.64001f", 100, 31, 1280 + 2 * (i % 2), 720, 30, "mp4a.40.2", 2,
          48000, 2));
    }
    sink.onEnd();
    held.countDown();
    state.create(request(), TestBroadcasts.connectedHandle()); // waits for the channel's lane

    // One queued write (it reads the newest figures when it runs), then the end's own.
    assertThat(journal.stream().filter(("writes: ingest " + id)::equals)).hasSize(2);
    assertThat(journal).containsSubsequence("writes: ingest " + id, "writes: event Stream End",
        "writes: ended " + id);
  }

  @Test
  void aFailingWrite_isLogged_andTheLaneGoesOn() throws Exception {
    LiveStreamStateService state = service(new JournalingSessions() {
      @Override
      public void updateIngest(String channelArn, String streamId, VideoConfiguration video,
          AudioConfiguration audio) {
        throw new IllegalStateException("database unavailable");
      }
    });
    MediaSink sink = state.create(request(), TestBroadcasts.connectedHandle());
    String id = state.broadcast(CHANNEL.arn()).orElseThrow().streamId();

    sink.onStreamInfo(INFO);
    sink.onEnd();
    state.create(request(), TestBroadcasts.connectedHandle()); // waits for the channel's lane

    assertThat(journal.subList(4, 8)).containsExactly("writes: event Stream End", "writes: event Session Ended",
        "writes: end " + id, "writes: ended " + id);
  }

  /** The test above fails inside a write the service already catches; this one fails the lane's task itself. */
  @Test
  void aTaskThatThrows_doesNotStopItsLane() {
    SerialLanes lanes = new SerialLanes(writes);
    CountDownLatch held = holdWrites();

    lanes.submit("channel", () -> journal.add("first"));
    lanes.submit("channel", () -> {
      throw new IllegalStateException("session end failed");
    });
    lanes.submit("channel", () -> journal.add("after the failure"));
    held.countDown();
    lanes.awaitIdle("channel");

    assertThat(journal).containsExactly("first", "after the failure");
  }

  private LiveStreamStateService service(JournalingSessions sessions) {
    return new LiveStreamStateService(sessions, RecordingStarter.none(),
        LiveStreamStateService::defaultSegmenterConfig, new IdGenerator(), Clock.systemUTC(), new JournalingGate(),
        writes);
  }

  /** Occupies the single writes thread until the returned latch is counted down. */
  private CountDownLatch holdWrites() {
    CountDownLatch held = new CountDownLatch(1);
    writes.execute(() -> await(held));
    return held;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String thread() {
    return Thread.currentThread().getName().equals("writes") ? "writes" : "main";
  }

  private static PublishRequest request() {
    return new PublishRequest("app", "key", "", "127.0.0.1:1",
        new IngestTicket(CHANNEL, CHANNEL.arn().replace(":channel/", ":stream-key/"), false));
  }


  /** Sessions in memory, journaling which thread wrote what. */
  private class JournalingSessions implements LiveSessionRepository {
    private final InMemoryLiveSessionRepository rows = new InMemoryLiveSessionRepository();

    @Override
    public void create(String channelArn, String streamId, Instant startTime) {
      journal.add(thread() + ": create " + streamId);
      rows.create(channelArn, streamId, startTime);
    }

    @Override
    public void updateIngest(String channelArn, String streamId, VideoConfiguration video,
        AudioConfiguration audio) {
      journal.add(thread() + ": ingest " + streamId);
      rows.updateIngest(channelArn, streamId, video, audio);
    }

    @Override
    public void addEvent(String channelArn, String streamId, StreamEvent event, boolean error) {
      journal.add(thread() + ": event " + event.name());
      rows.addEvent(channelArn, streamId, event, error);
    }

    @Override
    public void end(String channelArn, String streamId, Instant endTime) {
      journal.add(thread() + ": end " + streamId);
      rows.end(channelArn, streamId, endTime);
    }

    @Override
    public List<dev.onair.ivs.model.StreamSession> sessions(String channelArn) {
      return rows.sessions(channelArn);
    }

    @Override
    public java.util.Optional<dev.onair.ivs.model.StreamSession> find(String channelArn, String streamId) {
      return rows.find(channelArn, streamId);
    }

    @Override
    public List<dev.onair.ivs.model.StreamSession> open() {
      return rows.open();
    }

    @Override
    public void deleteChannel(String channelArn) {
      rows.deleteChannel(channelArn);
    }
  }

  /** One lease per channel, refused while the previous broadcast has not released it. */
  private class JournalingGate implements PublisherGate {
    private String holder;

    @Override
    public synchronized boolean admit(Broadcast broadcast) {
      journal.add(thread() + ": admit " + broadcast.streamId());
      if (holder != null) {
        return false;
      }
      holder = broadcast.streamId();
      return true;
    }

    @Override
    public synchronized void ended(Broadcast broadcast) {
      journal.add(thread() + ": ended " + broadcast.streamId());
      if (broadcast.streamId().equals(holder)) {
        holder = null;
      }
    }
  }
}

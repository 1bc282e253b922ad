package dev.onair.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.media.testing.FlvReader;
import dev.onair.media.testing.FlvTag;
import dev.onair.media.testing.MediaTools;
import dev.onair.media.testing.RecordingSink;
import dev.onair.rtmp.message.AudioData;
import dev.onair.rtmp.message.CommandMessage;
import dev.onair.rtmp.message.RtmpMessage;
import dev.onair.rtmp.message.UserControl;
import dev.onair.rtmp.message.VideoData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A publish is admitted (authorizer, sink factory) off the I/O thread: whatever the publisher sends meanwhile waits
 * and is handled afterwards in order, and a connection gone meanwhile ends the sink it was given.
 */
@SuppressWarnings("unchecked")
class RtmpPublishAdmissionTest {
  /** What happens while the admission is out, and what the session must have done after it is back. */
  enum During { MEDIA, MEDIA_THEN_DELETE_STREAM, DISCONNECT }

  record Case(String name, PublishDecision decision, boolean factoryThrows, During during, String statusCode,
      boolean closed, int videoFrames, int ends) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("accepted: waiting media reaches the sink in order", PublishDecision.accept("ch"), false,
            During.MEDIA, "NetStream.Publish.Start", false, 120, 0),
        new Case("accepted: deleteStream behind the media ends the publish after it", PublishDecision.accept("ch"),
            false, During.MEDIA_THEN_DELETE_STREAM, "NetStream.Publish.Start", false, 120, 1),
        new Case("refused key: BadName, waiting media dropped", PublishDecision.refuse("unknown stream key"), false,
            During.MEDIA, "NetStream.Publish.BadName", true, 0, 0),
        new Case("authorizer returns null: Publish.Failed", null, false, During.MEDIA, "NetStream.Publish.Failed",
            true, 0, 0),
        new Case("second publisher (factory throws): Publish.Failed", PublishDecision.accept("ch"), true,
            During.MEDIA, "NetStream.Publish.Failed", true, 0, 0),
        new Case("disconnected meanwhile: the admitted sink is ended, nothing sent", PublishDecision.accept("ch"),
            false, During.DISCONNECT, null, false, 0, 1),
        new Case("disconnected meanwhile and refused: nothing to end", PublishDecision.refuse("bad"), false,
            During.DISCONNECT, null, false, 0, 0))
        .map(Arguments::of);
  }

  /** Admission work waits in {@code pending}, run by the test, as the blocking pool and the loop would later. */
  private final FakeTransport deferring = FakeTransport.deferred();
  private final List<RtmpMessage> sent = deferring.sent;
  private final List<Runnable> pending = deferring.pending;
  private final List<String> calls = new ArrayList<>();

  private final PublisherHandle handle = new PublisherHandle() {
    @Override
    public void disconnect() {}

    @Override
    public boolean isConnected() {
      return true;
    }

    @Override
    public String remoteAddress() {
      return "/127.0.0.1:5000";
    }
  };

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void admission(Case c) {
    RecordingSink sink = new RecordingSink();
    List<String> order = new ArrayList<>();
    MediaSink both = MediaSink.fanOut(List.of(sink, new MediaSink() {
      @Override
      public void onVideoConfig(long dtsMillis, dev.onair.media.codec.AvcDecoderConfig config) {}

      @Override
      public void onVideo(long dtsMillis, int cts, boolean keyframe, byte[] avcc) {
        order.add("v" + dtsMillis);
      }

      @Override
      public void onAudioConfig(long dtsMillis, dev.onair.media.codec.AacConfig config) {}

      @Override
      public void onAudio(long dtsMillis, byte[] aacFrame) {
        order.add("a" + dtsMillis);
      }

      @Override
      public void onEnd() {}
    }));
    RtmpPublishSession session = new RtmpPublishSession((app, key) -> {
      calls.add("authorize " + key);
      return c.decision();
    }, (request, h) -> {
      calls.add("create " + request.attachment());
      if (c.factoryThrows()) {
        throw new IllegalStateException("channel is already live");
      }
      return both;
    }, deferring, handle, SessionConfig.DEFAULT);
    session.onMessage(RtmpPublishSessionTest.cmd(0, "connect", 1, Map.of("app", "app")));
    session.onMessage(RtmpPublishSessionTest.cmd(0, "createStream", 2, null));
    sent.clear();

    session.onMessage(RtmpPublishSessionTest.cmd(1, "publish", 3, null, "sk_test", "live"));
    assertThat(session.state()).isEqualTo(RtmpPublishSession.State.ADMITTING);
    assertThat(calls).as("nothing blocking on the I/O thread").isEmpty();
    if (c.during() == During.DISCONNECT) {
      session.onDisconnect();
    } else {
      sendClip(session);
      if (c.during() == During.MEDIA_THEN_DELETE_STREAM) {
        session.onMessage(RtmpPublishSessionTest.cmd(1, "deleteStream", 4, null, 1.0));
      }
    }
    assertThat(sent).as("no reply before the admission is back").isEmpty();
    assertThat(sink.videoFrames).isZero();

    pending.forEach(Runnable::run);

    if (c.statusCode() == null) {
      assertThat(sent).isEmpty();
    } else {
      CommandMessage status = (CommandMessage) sent.get(sent.size() - 1);
      if (c.statusCode().equals("NetStream.Publish.Start")) {
        assertThat(sent.get(0)).isEqualTo(UserControl.streamBegin(1));
        status = (CommandMessage) sent.get(1);
      }
      assertThat((Map<String, Object>) status.arguments().get(0)).containsEntry("code", c.statusCode());
    }
    assertThat(deferring.closed).isEqualTo(c.closed());
    assertThat(sink.videoFrames).isEqualTo(c.videoFrames());
    assertThat(sink.ends).isEqualTo(c.ends());
    if (c.videoFrames() > 0) {
      assertThat(sink.keyframes).isEqualTo(4);
      assertThat(order).as("frames in the order sent").isEqualTo(clipOrder());
    }
  }

  /** What an inline admission (the I/O thread, as before) delivers for the same clip. */
  private static List<String> clipOrder() {
    List<String> order = new ArrayList<>();
    for (FlvTag tag : FlvReader.read(MediaTools.sampleFlv())) {
      if (tag.isVideo() && (tag.data()[0] & 0x0F) == 7 && tag.data()[1] == 1) {
        order.add("v" + tag.timestamp());
      } else if (tag.isAudio() && tag.data()[1] == 1) {
        order.add("a" + tag.timestamp());
      }
    }
    return order;
  }

  private static void sendClip(RtmpPublishSession session) {
    for (FlvTag tag : FlvReader.read(MediaTools.sampleFlv())) {
      if (tag.isVideo()) {
        session.onMessage(new VideoData(tag.timestamp(), 1, tag.data()));
      } else if (tag.isAudio()) {
        session.onMessage(new AudioData(tag.timestamp(), 1, tag.data()));
      }
    }
  }
}

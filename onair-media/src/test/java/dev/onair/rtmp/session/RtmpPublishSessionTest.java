package dev.onair.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.media.testing.FlvReader;
import dev.onair.media.testing.FlvTag;
import dev.onair.media.testing.MediaTools;
import dev.onair.media.testing.RecordingSink;
import dev.onair.rtmp.amf.Amf0EcmaArray;
import dev.onair.rtmp.message.AudioData;
import dev.onair.rtmp.message.CommandMessage;
import dev.onair.rtmp.message.DataMessage;
import dev.onair.rtmp.message.RtmpMessage;
import dev.onair.rtmp.message.SetChunkSize;
import dev.onair.rtmp.message.SetPeerBandwidth;
import dev.onair.rtmp.message.UserControl;
import dev.onair.rtmp.message.VideoData;
import dev.onair.rtmp.message.WindowAcknowledgementSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class RtmpPublishSessionTest {
  private final FakeTransport transport = FakeTransport.inline();
  private final List<RtmpMessage> sent = transport.sent;
  private final List<PublishRequest> requests = new ArrayList<>();
  private final RecordingSink sink = new RecordingSink();

  private final PublisherHandle handle = new PublisherHandle() {
    @Override
    public void disconnect() {
      transport.closed = true;
    }

    @Override
    public boolean isConnected() {
      return !transport.closed;
    }

    @Override
    public String remoteAddress() {
      return "/127.0.0.1:5000";
    }
  };

  private RtmpPublishSession session(PublishAuthorizer authorizer) {
    return new RtmpPublishSession(authorizer, (request, h) -> {
      requests.add(request);
      return sink;
    }, transport, handle, SessionConfig.DEFAULT);
  }

  private static PublishDecision onlyTestKey(String app, String key) {
    return "app".equals(app) && "sk_test".equals(key)
        ? PublishDecision.accept("channel-1") : PublishDecision.refuse("unknown stream key");
  }

  static CommandMessage cmd(int streamId, String name, double txn, Object object, Object... args) {
    List<Object> arguments = new ArrayList<>();
    for (Object arg : args) {
      arguments.add(arg);
    }
    return new CommandMessage(streamId, name, txn, object, arguments);
  }

  private void connectAndCreateStream(RtmpPublishSession session) {
    session.onMessage(cmd(0, "connect", 1, Map.of("app", "app", "type", "nonprivate",
        "tcUrl", "rtmp://127.0.0.1:1935/app")));
    session.onMessage(cmd(0, "releaseStream", 2, null, "sk_test"));
    session.onMessage(cmd(0, "FCPublish", 3, null, "sk_test"));
    session.onMessage(cmd(0, "createStream", 4, null));
  }

  @Test
  void connect_repliesLikeFfmpegServer() {
    RtmpPublishSession session = session(RtmpPublishSessionTest::onlyTestKey);
    session.onMessage(cmd(0, "connect", 1, Map.of("app", "app/", "tcUrl", "rtmp://h/app")));

    assertThat(sent).hasSize(6);
    assertThat(sent.get(0)).isEqualTo(new WindowAcknowledgementSize(2_500_000));
    assertThat(sent.get(1)).isEqualTo(new SetPeerBandwidth(2_500_000, SetPeerBandwidth.DYNAMIC));
    assertThat(sent.get(2)).isEqualTo(UserControl.streamBegin(0));
    assertThat(sent.get(3)).isEqualTo(new SetChunkSize(4096));
    CommandMessage result = (CommandMessage) sent.get(4);
    assertThat(result.name()).isEqualTo("_result");
    assertThat(result.transactionId()).isEqualTo(1.0);
    assertThat((Map<String, Object>) result.commandObject()).containsEntry("fmsVer", "FMS/3,0,1,123")
        .containsEntry("capabilities", 31.0);
    assertThat((Map<String, Object>) result.arguments().get(0))
        .containsEntry("level", "status").containsEntry("code", "NetConnection.Connect.Success");
    assertThat(((CommandMessage) sent.get(5)).name()).isEqualTo("onBWDone");
    assertThat(session.app()).isEqualTo("app");
    assertThat(session.state()).isEqualTo(RtmpPublishSession.State.CONNECTED);
  }

  @Test
  void createStream_echoesTransactionId_andReturnsStreamId() {
    RtmpPublishSession session = session(RtmpPublishSessionTest::onlyTestKey);
    connectAndCreateStream(session);

    CommandMessage release = (CommandMessage) sent.get(6);
    assertThat(release.name()).isEqualTo("_result");
    assertThat(release.transactionId()).isEqualTo(2.0);
    assertThat(((CommandMessage) sent.get(7)).name()).isEqualTo("onFCPublish");
    CommandMessage create = (CommandMessage) sent.get(8);
    assertThat(create.name()).isEqualTo("_result");
    assertThat(create.transactionId()).isEqualTo(4.0);
    assertThat(create.arguments()).containsExactly(1.0);
  }

  @Test
  void publish_acceptedKey_sendsStreamBeginAndPublishStart() {
    RtmpPublishSession session = session(RtmpPublishSessionTest::onlyTestKey);
    connectAndCreateStream(session);
    sent.clear();
    session.onMessage(cmd(1, "publish", 5, null, "sk_test?foo=bar", "live"));

    assertThat(sent.get(0)).isEqualTo(UserControl.streamBegin(1));
    CommandMessage status = (CommandMessage) sent.get(1);
    assertThat(status.name()).isEqualTo("onStatus");
    assertThat(status.streamId()).isEqualTo(1);
    assertThat((Map<String, Object>) status.arguments().get(0))
        .containsEntry("level", "status").containsEntry("code", "NetStream.Publish.Start");
    assertThat(session.state()).isEqualTo(RtmpPublishSession.State.PUBLISHING);
    assertThat(requests).containsExactly(
        new PublishRequest("app", "sk_test", "rtmp://127.0.0.1:1935/app", "/127.0.0.1:5000", "channel-1"));
    assertThat(transport.closed).isFalse();
  }

  @Test
  void publish_wrongKey_sendsBadNameAndCloses() {
    RtmpPublishSession session = session(RtmpPublishSessionTest::onlyTestKey);
    connectAndCreateStream(session);
    sent.clear();
    session.onMessage(cmd(1, "publish", 5, null, "sk_wrong", "live"));

    CommandMessage status = (CommandMessage) sent.get(0);
    assertThat((Map<String, Object>) status.arguments().get(0))
        .containsEntry("level", "error").containsEntry("code", "NetStream.Publish.BadName");
    assertThat(transport.closed).isTrue();
    assertThat(requests).isEmpty();
    assertThat(session.state()).isEqualTo(RtmpPublishSession.State.CLOSED);
  }

  @Test
  void publish_beforeConnect_isRefused() {
    RtmpPublishSession session = session(RtmpPublishSessionTest::onlyTestKey);
    session.onMessage(cmd(1, "publish", 5, null, "sk_test", "live"));
    assertThat(transport.closed).isTrue();
    assertThat(requests).isEmpty();
  }

  @Test
  void publish_sinkFactoryThrows_sendsErrorAndCloses() {
    RtmpPublishSession session = new RtmpPublishSession((a, k) -> PublishDecision.accept(),
        (request, h) -> {
          throw new IllegalStateException("channel already live");
        }, transport, handle, SessionConfig.DEFAULT);
    connectAndCreateStream(session);
    sent.clear();
    session.onMessage(cmd(1, "publish", 5, null, "sk_test", "live"));
    assertThat((Map<String, Object>) ((CommandMessage) sent.get(0)).arguments().get(0))
        .containsEntry("level", "error").containsEntry("description", "channel already live");
    assertThat(transport.closed).isTrue();
  }

  @Test
  void media_flowsToSink_andStreamInfoIsParsed() {
    RtmpPublishSession session = session(RtmpPublishSessionTest::onlyTestKey);
    connectAndCreateStream(session);
    session.onMessage(cmd(1, "publish", 5, null, "sk_test", "live"));
    session.onMessage(new DataMessage(0, 1, List.of("@setDataFrame", "onMetaData",
        new Amf0EcmaArray(Map.of("width", 320.0)))));
    for (FlvTag tag : FlvReader.read(MediaTools.sampleFlv())) {
      if (tag.isVideo()) {
        session.onMessage(new VideoData(tag.timestamp(), 1, tag.data()));
      } else if (tag.isAudio()) {
        session.onMessage(new AudioData(tag.timestamp(), 1, tag.data()));
      }
    }
    session.onMessage(cmd(1, "FCUnpublish", 6, null, "sk_test"));
    session.onMessage(cmd(1, "deleteStream", 7, null, 1.0));
    session.onDisconnect();

    assertThat(sink.metadata).containsEntry("width", 320.0);
    assertThat(sink.videoFrames).isEqualTo(120);
    assertThat(sink.keyframes).isEqualTo(4);
    assertThat(sink.audioFrames).isGreaterThan(150);
    assertThat(sink.ends).isEqualTo(1);
    assertThat(sink.streamInfo).isEqualTo(
        new StreamInfo("avc1.64000D", 100, 13, 320, 240, 30.0, "mp4a.40.2", 2, 44100, 1));
    assertThat(sink.streamInfo.codecs()).isEqualTo("avc1.64000D,mp4a.40.2");
  }

  @Test
  void enhancedRtmpVideo_isRefusedWithErrorStatus() {
    RtmpPublishSession session = session(RtmpPublishSessionTest::onlyTestKey);
    connectAndCreateStream(session);
    session.onMessage(cmd(1, "publish", 5, null, "sk_test", "live"));
    sent.clear();
    // isExHeader | keyframe, PacketType SequenceStart, FourCC hvc1
    session.onMessage(new VideoData(0, 1, new byte[] {(byte) 0x90, 'h', 'v', 'c', '1', 1, 2, 3}));

    @SuppressWarnings("unchecked") Map<String, Object> info = (Map<String, Object>) ((CommandMessage) sent.get(0)).arguments().get(0);
    assertThat(info).containsEntry("level", "error");
    assertThat((String) info.get("description")).contains("hvc1");
    assertThat(transport.closed).isTrue();
    assertThat(sink.ends).isEqualTo(1);
  }

  @Test
  void nonAacAudio_isRefused() {
    RtmpPublishSession session = session(RtmpPublishSessionTest::onlyTestKey);
    connectAndCreateStream(session);
    session.onMessage(cmd(1, "publish", 5, null, "sk_test", "live"));
    session.onMessage(new AudioData(0, 1, new byte[] {0x2F, 0, 0})); // MP3
    assertThat(transport.closed).isTrue();
  }

  @Test
  void pingRequest_isAnswered() {
    RtmpPublishSession session = session(RtmpPublishSessionTest::onlyTestKey);
    session.onMessage(new UserControl(UserControl.PING_REQUEST, 1234, 0));
    assertThat(sent).containsExactly(UserControl.pingResponse(1234));
  }
}

package dev.onair.rtmp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.media.testing.RecordingSink;
import dev.onair.rtmp.chunk.ChunkDecoder;
import dev.onair.rtmp.chunk.ChunkEncoder;
import dev.onair.rtmp.message.CommandMessage;
import dev.onair.rtmp.message.RtmpMessage;
import dev.onair.rtmp.message.RtmpMessageCodec;
import dev.onair.rtmp.message.SetChunkSize;
import dev.onair.rtmp.message.UserControl;
import dev.onair.rtmp.message.VideoData;
import dev.onair.rtmp.session.PublishDecision;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class RtmpPipelineTest {
  private final RecordingSink sink = new RecordingSink();
  private final ChunkEncoder client = new ChunkEncoder(true);
  private final ChunkDecoder fromServer = new ChunkDecoder();

  private EmbeddedChannel channel() {
    return new EmbeddedChannel(new RtmpServerInitializer(
        (app, key) -> "sk_test".equals(key) ? PublishDecision.accept() : PublishDecision.refuse("bad key"),
        (request, handle) -> sink, RtmpServerConfig.DEFAULT));
  }

  private static byte[] c0c1() {
    byte[] bytes = new byte[1 + RtmpHandshakeHandler.HANDSHAKE_SIZE];
    bytes[0] = 3;
    for (int i = 1; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 7);
    }
    bytes[5] = 9; // non-zero version bytes, as ffmpeg's digest-style C1 has
    return bytes;
  }

  private static byte[] outbound(EmbeddedChannel channel) {
    ByteBuf all = Unpooled.buffer();
    ByteBuf next;
    while ((next = channel.readOutbound()) != null) {
      all.writeBytes(next);
      next.release();
    }
    byte[] bytes = new byte[all.readableBytes()];
    all.readBytes(bytes);
    return bytes;
  }

  private void send(EmbeddedChannel channel, RtmpMessage message) {
    channel.writeInbound(Unpooled.wrappedBuffer(client.encode(RtmpMessageCodec.encode(message))));
  }

  private List<RtmpMessage> received(EmbeddedChannel channel) {
    List<RtmpMessage> messages = new ArrayList<>();
    fromServer.decode(ByteBuffer.wrap(outbound(channel)), raw -> messages.add(RtmpMessageCodec.decode(raw)));
    return messages;
  }

  private static CommandMessage cmd(int streamId, String name, double txn, Object object, Object... args) {
    return new CommandMessage(streamId, name, txn, object, List.of(args));
  }

  @Test
  void handshake_answersS0S1S2_andLeavesPipeline() {
    EmbeddedChannel channel = channel();
    byte[] c0c1 = c0c1();
    channel.writeInbound(Unpooled.wrappedBuffer(c0c1, 0, 700));
    assertThat(outbound(channel)).isEmpty();
    channel.writeInbound(Unpooled.wrappedBuffer(c0c1, 700, c0c1.length - 700));

    byte[] reply = outbound(channel);
    assertThat(reply).hasSize(1 + 2 * 1536);
    assertThat(reply[0]).isEqualTo((byte) 3);
    assertThat(new byte[] {reply[5], reply[6], reply[7], reply[8]}).containsOnly(0); // simple S1
    byte[] s2 = java.util.Arrays.copyOfRange(reply, 1 + 1536, reply.length);
    assertThat(s2).isEqualTo(java.util.Arrays.copyOfRange(c0c1, 1, c0c1.length));

    assertThat(channel.pipeline().get("handshake")).isNotNull();
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[1536]));
    assertThat(channel.pipeline().get("handshake")).isNull();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void handshake_wrongVersion_closes() {
    EmbeddedChannel channel = channel();
    byte[] c0c1 = c0c1();
    c0c1[0] = 6;
    channel.writeInbound(Unpooled.wrappedBuffer(c0c1));
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void publishSequence_withConnectBehindC2_reachesPublishStart() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(Unpooled.wrappedBuffer(c0c1()));
    outbound(channel);
    // ffmpeg sends C2 and connect back to back; the handshake handler must forward the rest.
    byte[] connect = client.encode(RtmpMessageCodec.encode(cmd(0, "connect", 1,
        Map.of("app", "app", "tcUrl", "rtmp://127.0.0.1/app"))));
    byte[] c2AndConnect = new byte[1536 + connect.length];
    System.arraycopy(connect, 0, c2AndConnect, 1536, connect.length);
    channel.writeInbound(Unpooled.wrappedBuffer(c2AndConnect));

    List<RtmpMessage> afterConnect = received(channel);
    assertThat(afterConnect).contains(new SetChunkSize(4096));
    assertThat(afterConnect).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(CommandMessage.class,
        c -> assertThat(c.name() + c.transactionId()).isEqualTo("_result1.0")));

    send(channel, new SetChunkSize(60000));
    send(channel, cmd(0, "releaseStream", 2, null, "sk_test"));
    send(channel, cmd(0, "FCPublish", 3, null, "sk_test"));
    send(channel, cmd(0, "createStream", 4, null));
    List<RtmpMessage> afterCreate = received(channel);
    assertThat(afterCreate).last().isInstanceOfSatisfying(CommandMessage.class,
        c -> assertThat(c.arguments()).containsExactly(1.0));

    send(channel, cmd(1, "publish", 5, null, "sk_test", "live"));
    List<RtmpMessage> afterPublish = received(channel);
    assertThat(afterPublish.get(0)).isEqualTo(UserControl.streamBegin(1));
    assertThat(afterPublish.get(1)).isInstanceOfSatisfying(CommandMessage.class, c ->
        assertThat((Map<String, Object>) c.arguments().get(0)).containsEntry("code", "NetStream.Publish.Start"));

    // Media after the in-band chunk size change still decodes (inter frame before config: dropped).
    send(channel, new VideoData(0, 1, new byte[] {(byte) 0x27, 2, 0, 0, 0}));
    assertThat(channel.isOpen()).isTrue();

    channel.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
    assertThat(channel.isOpen()).isFalse();
    assertThat(sink.ends).isEqualTo(1);
  }

  @Test
  void publish_wrongKey_getsBadNameAndChannelCloses() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(Unpooled.wrappedBuffer(c0c1()));
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[1536]));
    outbound(channel);
    send(channel, cmd(0, "connect", 1, Map.of("app", "app")));
    send(channel, cmd(0, "createStream", 2, null));
    received(channel);
    send(channel, cmd(1, "publish", 3, null, "sk_nope", "live"));

    List<RtmpMessage> replies = received(channel);
    assertThat(replies).singleElement().isInstanceOfSatisfying(CommandMessage.class, c ->
        assertThat((Map<String, Object>) c.arguments().get(0)).containsEntry("code", "NetStream.Publish.BadName"));
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
    assertThat(sink.ends).isZero();
  }

  @Test
  void publish_admittedOnTheBlockingExecutor_readsPausedAndMediaBehindItKeptInOrder() {
    List<Runnable> blocking = new ArrayList<>();
    List<String> admittedOn = new ArrayList<>();
    RecordingSink ordered = new RecordingSink();
    EmbeddedChannel channel = new EmbeddedChannel(new RtmpServerInitializer(
        (app, key) -> {
          admittedOn.add(Thread.currentThread().getName());
          return PublishDecision.accept();
        },
        (request, handle) -> ordered, RtmpServerConfig.DEFAULT, null, blocking::add));
    channel.writeInbound(Unpooled.wrappedBuffer(c0c1()));
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[1536]));
    outbound(channel);
    send(channel, cmd(0, "connect", 1, Map.of("app", "app")));
    send(channel, cmd(0, "createStream", 2, null));
    received(channel);

    // publish and the first frames in one read, as ffmpeg sends them
    byte[] publish = client.encode(RtmpMessageCodec.encode(cmd(1, "publish", 3, null, "sk_test", "live")));
    List<byte[]> reads = new ArrayList<>(List.of(publish));
    for (dev.onair.media.testing.FlvTag tag : dev.onair.media.testing.FlvReader.read(
        dev.onair.media.testing.MediaTools.sampleFlv())) {
      if (tag.isVideo() && reads.size() < 4) { // the sequence header and the first frames
        reads.add(client.encode(RtmpMessageCodec.encode(new VideoData(tag.timestamp(), 1, tag.data()))));
      }
    }
    channel.writeInbound(Unpooled.wrappedBuffer(reads.toArray(new byte[0][])));

    assertThat(channel.config().isAutoRead()).as("no reads while the publish is admitted").isFalse();
    assertThat(received(channel)).isEmpty();
    assertThat(admittedOn).isEmpty();
    assertThat(blocking).hasSize(1);
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
    assertThat(channel.isOpen()).as("no idle timeout for our own pause (a slow database)").isTrue();

    blocking.get(0).run();
    assertThat(ordered.events).isEmpty();
    channel.runPendingTasks(); // the answer comes back on the channel's event loop

    List<RtmpMessage> afterPublish = received(channel);
    assertThat(afterPublish.get(0)).isEqualTo(UserControl.streamBegin(1));
    assertThat(afterPublish.get(1)).isInstanceOfSatisfying(CommandMessage.class, c ->
        assertThat((Map<String, Object>) c.arguments().get(0)).containsEntry("code", "NetStream.Publish.Start"));
    assertThat(ordered.events).containsExactly("videoConfig avc1.64000D");
    assertThat(ordered.videoFrames).isEqualTo(2);
    assertThat(channel.config().isAutoRead()).isTrue();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void garbageAfterHandshake_closesChannel() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(Unpooled.wrappedBuffer(c0c1()));
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[1536]));
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xC3, 1, 2, 3}));
    assertThat(channel.isOpen()).isFalse();
  }
}

package dev.onair.rtmp.netty;

import dev.onair.rtmp.chunk.ChunkDecoder;
import dev.onair.rtmp.message.Acknowledgement;
import dev.onair.rtmp.message.RtmpMessageCodec;
import dev.onair.rtmp.message.RawMessage;
import dev.onair.rtmp.message.RtmpMessage;
import dev.onair.rtmp.message.WindowAcknowledgementSize;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Netty adapter for {@link ChunkDecoder}: bytes in, {@code RtmpMessage} records out. Also sends
 * Acknowledgement when the peer's announced window has been received, which is chunk-layer
 * bookkeeping rather than session logic.
 */
public final class RtmpChunkDecoderHandler extends ByteToMessageDecoder {
  private final ChunkDecoder decoder;
  private long peerWindow;
  private long lastAcknowledged;
  /** The decode call's output list while it runs (one method reference for the connection, not a lambda per read). */
  private List<Object> decoded;
  private final Consumer<RawMessage> messages = this::accept;

  public RtmpChunkDecoderHandler(int maxMessageSize) {
    this.decoder = new ChunkDecoder(maxMessageSize);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    ByteBuffer nio = in.nioBuffer(in.readerIndex(), in.readableBytes());
    int start = nio.position();
    decoded = out;
    try {
      decoder.decode(nio, messages);
    } finally {
      decoded = null;
      in.skipBytes(nio.position() - start);
    }
    long consumed = decoder.bytesConsumed();
    if (peerWindow > 0 && consumed - lastAcknowledged >= peerWindow) {
      lastAcknowledged = consumed;
      ctx.writeAndFlush(new Acknowledgement(consumed & 0xFFFFFFFFL));
    }
  }

  private void accept(RawMessage raw) {
    RtmpMessage message = RtmpMessageCodec.decode(raw);
    if (message instanceof WindowAcknowledgementSize size) {
      peerWindow = size.windowSize();
    }
    decoded.add(message);
  }
}

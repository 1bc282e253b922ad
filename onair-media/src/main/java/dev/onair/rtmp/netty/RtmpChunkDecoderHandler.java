package dev.onair.rtmp.netty;

import dev.onair.rtmp.chunk.ChunkDecoder;
import dev.onair.rtmp.message.Acknowledgement;
import dev.onair.rtmp.message.RtmpMessageCodec;
import dev.onair.rtmp.message.RtmpMessageType;
import dev.onair.rtmp.message.WindowAcknowledgementSize;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Netty adapter for {@link ChunkDecoder}: bytes in, {@code RtmpMessage} records out. Also sends
 * Acknowledgement when the peer's announced window has been received, which is chunk-layer
 * bookkeeping rather than session logic.
 */
public final class RtmpChunkDecoderHandler extends ByteToMessageDecoder {
  private final ChunkDecoder decoder;
  private long peerWindow;
  private long lastAcknowledged;

  public RtmpChunkDecoderHandler(int maxMessageSize) {
    this.decoder = new ChunkDecoder(maxMessageSize);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    ByteBuffer nio = in.nioBuffer(in.readerIndex(), in.readableBytes());
    int start = nio.position();
    try {
      decoder.decode(nio, raw -> {
        if (raw.typeId() == RtmpMessageType.WINDOW_ACKNOWLEDGEMENT_SIZE.id()) {
          peerWindow = ((WindowAcknowledgementSize) RtmpMessageCodec.decode(raw)).windowSize();
        }
        out.add(RtmpMessageCodec.decode(raw));
      });
    } finally {
      in.skipBytes(nio.position() - start);
    }
    long consumed = decoder.bytesConsumed();
    if (peerWindow > 0 && consumed - lastAcknowledged >= peerWindow) {
      lastAcknowledged = consumed;
      ctx.writeAndFlush(new Acknowledgement(consumed & 0xFFFFFFFFL));
    }
  }
}

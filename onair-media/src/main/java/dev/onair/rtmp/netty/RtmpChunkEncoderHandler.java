package dev.onair.rtmp.netty;

import dev.onair.rtmp.chunk.ChunkEncoder;
import dev.onair.rtmp.message.RtmpMessage;
import dev.onair.rtmp.message.RtmpMessageCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Netty adapter for {@link ChunkEncoder}; one per connection because chunk state is per peer. */
public final class RtmpChunkEncoderHandler extends MessageToByteEncoder<RtmpMessage> {
  private final ChunkEncoder encoder = new ChunkEncoder();

  public RtmpChunkEncoderHandler() {
    super(RtmpMessage.class);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, RtmpMessage message, ByteBuf out) {
    out.writeBytes(encoder.encode(RtmpMessageCodec.encode(message)));
  }
}

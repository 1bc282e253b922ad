package dev.onair.rtmp.netty;

import dev.onair.rtmp.handshake.HandshakeReply;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Server side of the RTMP handshake (streaming.md §1.2): read C0+C1, answer S0+S1+S2, wait for C2, then leave the
 * pipeline. Bytes that arrive with C2 (ffmpeg sends {@code connect} right behind it) are passed on to the chunk
 * decoder when this handler is removed. S1 and S2 are {@link HandshakeReply}'s: the digest form for a client that
 * sent a digest, else the simple one. C2's content does not matter to a server.
 */
public final class RtmpHandshakeHandler extends ByteToMessageDecoder {
  public static final int HANDSHAKE_SIZE = 1536;
  private static final int RTMP_VERSION = 3;

  private boolean sentReply;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (!sentReply) {
      if (in.readableBytes() < 1 + HANDSHAKE_SIZE) {
        return;
      }
      int version = in.readUnsignedByte();
      if (version != RTMP_VERSION) {
        // 6 is RTMPE (encrypted), which no current encoder needs; anything else is not RTMP.
        in.skipBytes(in.readableBytes());
        ctx.close();
        return;
      }
      byte[] c1 = new byte[HANDSHAKE_SIZE];
      in.readBytes(c1);
      ByteBuf reply = ctx.alloc().buffer(1 + 2 * HANDSHAKE_SIZE);
      reply.writeByte(RTMP_VERSION);
      reply.writeBytes(HandshakeReply.reply(c1, (int) System.currentTimeMillis(), ThreadLocalRandom.current()));
      ctx.writeAndFlush(reply);
      sentReply = true;
    }
    if (in.readableBytes() < HANDSHAKE_SIZE) {
      return;
    }
    in.skipBytes(HANDSHAKE_SIZE); // C2: its content does not matter for a server
    ctx.pipeline().remove(this);
  }
}

package dev.onair.rtmp.netty;

import dev.onair.rtmp.message.RtmpMessage;
import dev.onair.rtmp.session.MediaSinkFactory;
import dev.onair.rtmp.session.PublishAuthorizer;
import dev.onair.rtmp.session.PublisherHandle;
import dev.onair.rtmp.session.RtmpPublishSession;
import dev.onair.rtmp.session.SessionConfig;
import dev.onair.rtmp.session.SessionTransport;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * Binds one {@link RtmpPublishSession} to its channel. Stateful, so a new instance per channel.
 */
public final class RtmpSessionHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(RtmpSessionHandler.class.getName());

  private final PublishAuthorizer authorizer;
  private final MediaSinkFactory sinkFactory;
  private final SessionConfig config;
  private RtmpPublishSession session;

  public RtmpSessionHandler(PublishAuthorizer authorizer, MediaSinkFactory sinkFactory, SessionConfig config) {
    this.authorizer = authorizer;
    this.sinkFactory = sinkFactory;
    this.config = config;
  }

  /** The session, for tests and diagnostics; {@code null} before the handler is added. */
  public RtmpPublishSession session() {
    return session;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    Channel channel = ctx.channel();
    SessionTransport transport = new SessionTransport() {
      @Override
      public void send(RtmpMessage message) {
        ctx.writeAndFlush(message);
      }

      @Override
      public void closeAfterFlush() {
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }

      @Override
      public String remoteAddress() {
        return String.valueOf(channel.remoteAddress());
      }
    };
    PublisherHandle handle = new PublisherHandle() {
      @Override
      public void disconnect() {
        channel.close();
      }

      @Override
      public boolean isConnected() {
        return channel.isActive();
      }

      @Override
      public String remoteAddress() {
        return String.valueOf(channel.remoteAddress());
      }
    };
    session = new RtmpPublishSession(authorizer, sinkFactory, transport, handle, config);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof RtmpMessage message) {
        session.onMessage(message);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    session.onDisconnect();
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      LOG.log(System.Logger.Level.INFO, "RTMP peer {0} idle, closing", ctx.channel().remoteAddress());
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Protocol errors from the decoder end up here as DecoderException; either way this peer is
    // done, and other connections are unaffected.
    LOG.log(System.Logger.Level.INFO, "closing RTMP peer " + ctx.channel().remoteAddress() + ": " + cause);
    ctx.close();
  }
}

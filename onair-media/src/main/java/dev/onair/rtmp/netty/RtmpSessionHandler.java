package dev.onair.rtmp.netty;

import dev.onair.rtmp.message.AudioData;
import dev.onair.rtmp.message.RtmpMessage;
import dev.onair.rtmp.message.VideoData;
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
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Binds one {@link RtmpPublishSession} to its channel. Stateful, so a new instance per channel.
 */
public final class RtmpSessionHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(RtmpSessionHandler.class.getName());

  private final PublishAuthorizer authorizer;
  private final MediaSinkFactory sinkFactory;
  private final SessionConfig config;
  private final Executor blocking;
  private final Duration readBatch;
  private final Duration stallCheck;
  private RtmpPublishSession session;
  private ReadBatching batching;

  /** Admits publishes on the I/O thread (tests). */
  public RtmpSessionHandler(PublishAuthorizer authorizer, MediaSinkFactory sinkFactory, SessionConfig config) {
    this(authorizer, sinkFactory, config, null);
  }

  /**
   * @param blocking where a publish's admission (authorizer, sink factory: database work) runs, so that it never
   *     holds the event loop and its other connections; {@code null} runs it on the I/O thread
   */
  public RtmpSessionHandler(
      PublishAuthorizer authorizer, MediaSinkFactory sinkFactory, SessionConfig config, Executor blocking) {
    this(authorizer, sinkFactory, config, blocking, Duration.ZERO, Duration.ZERO);
  }

  /**
   * @param readBatch how much of its media a publishing connection's reads wait for ({@link ReadBatching})
   * @param stallCheck how often a batching connection checks that its reads have not stalled behind the mark
   */
  public RtmpSessionHandler(PublishAuthorizer authorizer, MediaSinkFactory sinkFactory, SessionConfig config,
      Executor blocking, Duration readBatch, Duration stallCheck) {
    this.readBatch = readBatch;
    this.stallCheck = stallCheck;
    this.authorizer = authorizer;
    this.sinkFactory = sinkFactory;
    this.config = config;
    this.blocking = blocking;
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

      @Override
      public <T> void offload(Supplier<T> work, Consumer<T> then) {
        if (blocking == null) {
          then.accept(work.get());
          return;
        }
        // Nothing more is read until the answer is back, so at most one read's worth of messages waits in the session.
        channel.config().setAutoRead(false);
        try {
          blocking.execute(() -> {
            T result = work.get();
            ctx.executor().execute(() -> resume(then, result));
          });
        } catch (RejectedExecutionException e) {
          LOG.log(System.Logger.Level.WARNING, "publish admission queue full, closing RTMP peer {0}",
              channel.remoteAddress());
          channel.close();
        }
      }

      private <T> void resume(Consumer<T> then, T result) {
        try {
          then.accept(result);
        } finally {
          // The peer's data has waited in the socket since reads were paused: restart its idle clock, or the
          // timer may fire before the first read after a long admission does.
          IdleStateHandler idle = ctx.pipeline().get(IdleStateHandler.class);
          if (idle != null) {
            idle.resetReadTimeout();
          }
          channel.config().setAutoRead(true);
        }
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
    batching = new ReadBatching(channel, readBatch, stallCheck);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof VideoData video) {
        batching.media(video.payload().length);
      } else if (msg instanceof AudioData audio) {
        batching.media(audio.payload().length);
      }
      if (msg instanceof RtmpMessage message) {
        session.onMessage(message);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    batching.readComplete(session.state() == RtmpPublishSession.State.PUBLISHING, System.nanoTime());
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    batching.close();
    session.onDisconnect();
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent && session.state() == RtmpPublishSession.State.ADMITTING) {
      // Reads are paused while the publish is admitted: the silence is ours (a busy database), not the peer's.
      return;
    }
    if (event instanceof IdleStateEvent) {
      // Idle means the peer sent nothing, not that nothing was read: bytes that reached the socket but were not read
      // in time (a loop held by other work, a starved process, a mark not yet reached) are ours to read, not a
      // reason to drop a publisher that is still sending. The kernel knows when data last arrived.
      IdleStateHandler idle = ctx.pipeline().get(IdleStateHandler.class);
      long idleMillis = idle == null ? 0 : idle.getReaderIdleTimeInMillis();
      PeerActivity.Facts peer = PeerActivity.of(ctx.channel());
      if (peer.stillSending(idleMillis)) {
        LOG.log(System.Logger.Level.INFO, "RTMP peer {0}: nothing read for {1} ms but data arrived {2} ms ago and"
            + " {3} bytes of receive memory wait unread (read mark {4}): reading on, not closing",
            ctx.channel().remoteAddress(), idleMillis, peer.millisSinceDataArrived(), peer.unreadCharge(),
            batching.mark());
        batching.kick();
        return;
      }
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

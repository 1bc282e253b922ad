package dev.onair.rtmp.netty;

import dev.onair.rtmp.session.MediaSinkFactory;
import dev.onair.rtmp.session.PublishAuthorizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Builds the per-connection RTMP pipeline. Use one instance for RTMP and another (with an {@link
 * SslContext}) for RTMPS; both share the authorizer and sink factory the server module supplies.
 */
public final class RtmpServerInitializer extends ChannelInitializer<Channel> {
  private final PublishAuthorizer authorizer;
  private final MediaSinkFactory sinkFactory;
  private final RtmpServerConfig config;
  private final SslContext sslContext;
  private final Executor blocking;

  public RtmpServerInitializer(PublishAuthorizer authorizer, MediaSinkFactory sinkFactory, RtmpServerConfig config) {
    this(authorizer, sinkFactory, config, null);
  }

  /** @param sslContext a server context for RTMPS, or {@code null} for plain RTMP */
  public RtmpServerInitializer(
      PublishAuthorizer authorizer, MediaSinkFactory sinkFactory, RtmpServerConfig config, SslContext sslContext) {
    this(authorizer, sinkFactory, config, sslContext, null);
  }

  /**
   * @param blocking where publishes are admitted (the authorizer and the sink factory may block on a database); {@code
   *     null} admits them on the connection's event loop
   */
  public RtmpServerInitializer(PublishAuthorizer authorizer, MediaSinkFactory sinkFactory, RtmpServerConfig config,
      SslContext sslContext, Executor blocking) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer is null");
    this.sinkFactory = Objects.requireNonNull(sinkFactory, "sinkFactory is null");
    this.config = Objects.requireNonNull(config, "config is null");
    this.sslContext = sslContext;
    this.blocking = blocking;
  }

  @Override
  protected void initChannel(Channel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    // 1. TLS first: everything after it sees plaintext RTMP.
    if (sslContext != null) {
      pipeline.addLast("ssl", sslContext.newHandler(channel.alloc()));
    }
    // 2. Idle detection next to the wire, so a stalled handshake or a vanished publisher both
    //    time out; the event reaches the session handler, which closes the channel.
    long idleMillis = config.idleTimeout().toMillis();
    pipeline.addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS));
    // 3. Handshake: removes itself after C2 and forwards any bytes that followed it.
    pipeline.addLast("handshake", new RtmpHandshakeHandler());
    // 4. Encoder before decoder: outbound writes from the decoder (acks) and the session travel
    //    towards the head and must pass the encoder.
    pipeline.addLast("chunkEncoder", new RtmpChunkEncoderHandler());
    pipeline.addLast("chunkDecoder", new RtmpChunkDecoderHandler(config.maxMessageSize()));
    // 5. The stateful session last; it sees only typed RtmpMessage records.
    pipeline.addLast("session", new RtmpSessionHandler(authorizer, sinkFactory, config.session(), blocking,
        config.readBatch(), config.stallCheck()));
  }
}

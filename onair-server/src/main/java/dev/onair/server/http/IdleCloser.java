package dev.onair.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

/** Closes a connection the IdleStateHandler reports idle. */
final class IdleCloser extends ChannelDuplexHandler {
  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      context.close();
    } else {
      super.userEventTriggered(context, event);
    }
  }
}

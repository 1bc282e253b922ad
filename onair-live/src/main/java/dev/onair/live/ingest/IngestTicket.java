package dev.onair.live.ingest;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.model.Channel;

/**
 * What a successful stream-key check hands to the sink factory: the channel and the key that admitted the
 * broadcaster (so deleting that key can disconnect it). Carries no key value.
 */
public record IngestTicket(Channel channel, String streamKeyArn, boolean secure) {
  public IngestTicket {
    requireNonNull(channel, "channel is null");
    requireNonNull(streamKeyArn, "streamKeyArn is null");
  }
}

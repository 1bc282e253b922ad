package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.Secret;
import java.time.Instant;

/** A stream key. The value is a bearer secret for ingest, hence {@link Secret}: it never reaches toString or logs. */
public record StreamKey(String arn, String channelArn, Secret value, Instant createdAt) {
  public StreamKey {
    requireNonNull(arn, "arn is null");
    requireNonNull(channelArn, "channelArn is null");
    requireNonNull(value, "value is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}

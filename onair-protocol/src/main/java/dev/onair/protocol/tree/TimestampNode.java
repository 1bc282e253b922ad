package dev.onair.protocol.tree;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** A point in time; each serialiser writes it in its protocol's default timestamp format. */
public record TimestampNode(Instant value) implements Node {
  public TimestampNode {
    requireNonNull(value, "value is null");
  }

  /** ISO-8601 in UTC, which Query XML and restJson1 members marked iso8601 use. */
  @Override
  public String asText() {
    return DateTimeFormatter.ISO_INSTANT.format(value);
  }
}

package dev.onair.protocol;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * The per-service wire details that the protocol layer cannot infer from the operation output.
 *
 * @param alwaysWrappedResults Query operations whose response carries a {@code <OpResult>} element even when the
 *     output is empty (IAM's UpdateRole); other operations get one only when they have output
 * @param restJsonTimestamps how restJson1 writes timestamps (the spec default is epoch seconds; IVS uses ISO-8601)
 */
public record ProtocolSettings(Set<String> alwaysWrappedResults, TimestampFormat restJsonTimestamps) {
  public static final ProtocolSettings DEFAULTS = new ProtocolSettings(Set.of(), TimestampFormat.EPOCH_SECONDS);

  public ProtocolSettings {
    alwaysWrappedResults = Set.copyOf(alwaysWrappedResults);
    requireNonNull(restJsonTimestamps, "restJsonTimestamps is null");
  }

  public ProtocolSettings withAlwaysWrappedResults(Set<String> operations) {
    return new ProtocolSettings(operations, restJsonTimestamps);
  }

  public ProtocolSettings withRestJsonTimestamps(TimestampFormat format) {
    return new ProtocolSettings(alwaysWrappedResults, format);
  }
}

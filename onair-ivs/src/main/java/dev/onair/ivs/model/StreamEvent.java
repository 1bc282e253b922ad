package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A stream-state event as IVS reports it in a session ({@code type} "IVS Stream State Change", {@code name}
 * "Stream Start", "Session Ended" ...).
 *
 * @param code null unless the event carries one (e.g. StreamTakeoverInvalidPriority)
 */
public record StreamEvent(String name, String type, Instant eventTime, String code) {
  public StreamEvent {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(eventTime, "eventTime is null");
  }
}

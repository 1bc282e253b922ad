package dev.onair.live.state;

import dev.onair.ivs.model.StreamEvent;
import java.time.Instant;

/** The event names and types IVS puts in a session's truncatedEvents (ivs.md §3.1). */
public final class StreamEvents {
  public static final String STATE_CHANGE = "IVS Stream State Change";
  public static final String HEALTH_CHANGE = "IVS Stream Health Change";
  public static final String RECORDING_CHANGE = "IVS Recording State Change";

  public static final String SESSION_CREATED = "Session Created";
  public static final String STREAM_START = "Stream Start";
  public static final String STREAM_END = "Stream End";
  public static final String SESSION_ENDED = "Session Ended";
  public static final String STARVATION_START = "Starvation Start";
  public static final String STARVATION_END = "Starvation End";
  public static final String RECORDING_START = "Recording Start";
  public static final String RECORDING_END = "Recording End";
  public static final String RECORDING_START_FAILURE = "Recording Start Failure";
  public static final String RECORDING_END_FAILURE = "Recording End Failure";

  private StreamEvents() {}

  public static StreamEvent state(String name, Instant at) {
    return new StreamEvent(name, STATE_CHANGE, at, null);
  }

  public static StreamEvent health(String name, Instant at) {
    return new StreamEvent(name, HEALTH_CHANGE, at, null);
  }

  public static StreamEvent recording(String name, Instant at) {
    return new StreamEvent(name, RECORDING_CHANGE, at, null);
  }

  public static boolean isFailure(StreamEvent event) {
    return event.name().endsWith("Failure") || event.code() != null;
  }
}

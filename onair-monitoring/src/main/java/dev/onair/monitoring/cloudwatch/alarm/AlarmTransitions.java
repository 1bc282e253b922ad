package dev.onair.monitoring.cloudwatch.alarm;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Applies a state change to an alarm and writes the StateUpdate history item CloudWatch writes, so the evaluator
 * and SetAlarmState record transitions identically.
 */
public final class AlarmTransitions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AlarmRepository alarms;

  public AlarmTransitions(AlarmRepository alarms) {
    this.alarms = requireNonNull(alarms, "alarms is null");
  }

  /** Saves the new state; writes history only when the state value changes. Returns the saved alarm. */
  public MetricAlarm transition(
      MetricAlarm alarm, AlarmState state, String reason, String reasonData, Instant now) {
    MetricAlarm updated = alarm.withState(state, reason, reasonData, now);
    alarms.save(updated);
    if (state != alarm.stateValue()) {
      ObjectNode data = JSON.createObjectNode();
      data.put("version", "1.0");
      ObjectNode oldState = data.putObject("oldState");
      oldState.put("stateValue", alarm.stateValue().name());
      oldState.put("stateReason", alarm.stateReason());
      ObjectNode newState = data.putObject("newState");
      newState.put("stateValue", state.name());
      newState.put("stateReason", reason);
      if (reasonData != null) {
        try {
          newState.set("stateReasonData", JSON.readTree(reasonData));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          newState.put("stateReasonData", reasonData);
        }
      }
      alarms.addHistory(
          new AlarmHistoryItem(
              alarm.name(),
              now,
              "StateUpdate",
              "Alarm updated from " + alarm.stateValue() + " to " + state,
              data.toString()));
    }
    return updated;
  }

  public void configurationChanged(MetricAlarm alarm, boolean created, Instant now) {
    ObjectNode data = JSON.createObjectNode();
    data.put("version", "1.0");
    data.put("type", created ? "Create" : "Update");
    data.set("createdAlarm", JSON.createObjectNode().put("alarmName", alarm.name()));
    alarms.addHistory(
        new AlarmHistoryItem(
            alarm.name(),
            now,
            "ConfigurationUpdate",
            "Alarm \"" + alarm.name() + "\" " + (created ? "created" : "updated"),
            data.toString()));
  }
}

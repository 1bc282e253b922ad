package dev.onair.monitoring.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.monitoring.FixedClock;
import dev.onair.monitoring.cloudwatch.alarm.AlarmEvaluator;
import dev.onair.monitoring.cloudwatch.alarm.AlarmHistoryItem;
import dev.onair.monitoring.cloudwatch.alarm.AlarmState;
import dev.onair.monitoring.cloudwatch.alarm.HistoryQuery;
import dev.onair.monitoring.cloudwatch.alarm.InMemoryAlarmRepository;
import dev.onair.monitoring.cloudwatch.alarm.MetricAlarm;
import dev.onair.monitoring.metrics.Aggregate;
import dev.onair.monitoring.metrics.InMemoryMetricStore;
import dev.onair.monitoring.metrics.MetricDatum;
import dev.onair.monitoring.metrics.MetricIngest;
import dev.onair.monitoring.metrics.MetricKey;
import dev.onair.monitoring.metrics.MetricReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlarmEvaluatorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  private static final MetricKey STREAMS = MetricKey.of("AWS/IVS", "ConcurrentStreams", Map.of());

  private final FixedClock clock = new FixedClock(T0.plusSeconds(30));
  private final InMemoryMetricStore store = new InMemoryMetricStore();
  private final InMemoryAlarmRepository alarms = new InMemoryAlarmRepository();
  private final AlarmEvaluator evaluator =
      new AlarmEvaluator(alarms, new MetricDataEngine(new MetricReader(store, clock)), clock);

  private void put(Double... perPeriodValues) {
    List<MetricDatum> data = new ArrayList<>();
    for (int i = 0; i < perPeriodValues.length; i++) {
      if (perPeriodValues[i] != null) {
        data.add(new MetricDatum(STREAMS, T0.plusSeconds(10L * i), Aggregate.of(perPeriodValues[i]), "Count"));
      }
    }
    new MetricIngest(store, clock, 10).write(data);
  }

  private static MetricAlarm alarm(int periods, Integer toAlarm, String missing, AlarmState state) {
    return new MetricAlarm(
        "streams-live", "arn:aws:cloudwatch:us-west-2:123456789012:alarm:streams-live", null, true, List.of(),
        List.of(), List.of(), "AWS/IVS", "ConcurrentStreams", Map.of(), "Maximum", null, 10, null, periods,
        toAlarm, 0.0, "GreaterThanThreshold", missing, null, List.of(), null, state, "initial", null, T0, T0, T0);
  }

  static Stream<Arguments> transitions() {
    Double n = null;
    return Stream.of(
        // values for the 3 periods before now, periods, datapointsToAlarm, TreatMissingData, start, expected
        Arguments.of(new Double[] {1.0, 1.0, 1.0}, 3, null, null, AlarmState.INSUFFICIENT_DATA, AlarmState.ALARM),
        Arguments.of(new Double[] {0.0, 1.0, 1.0}, 3, null, null, AlarmState.ALARM, AlarmState.OK),
        Arguments.of(new Double[] {0.0, 1.0, 1.0}, 3, 2, null, AlarmState.OK, AlarmState.ALARM),
        Arguments.of(new Double[] {0.0, 0.0, 0.0}, 3, null, null, AlarmState.ALARM, AlarmState.OK),
        Arguments.of(new Double[] {n, n, n}, 3, null, null, AlarmState.OK, AlarmState.INSUFFICIENT_DATA),
        Arguments.of(new Double[] {n, n, n}, 3, null, "missing", AlarmState.ALARM, AlarmState.INSUFFICIENT_DATA),
        Arguments.of(new Double[] {n, n, n}, 3, null, "ignore", AlarmState.ALARM, AlarmState.ALARM),
        Arguments.of(new Double[] {n, n, n}, 3, null, "breaching", AlarmState.OK, AlarmState.ALARM),
        Arguments.of(new Double[] {n, n, n}, 3, null, "notBreaching", AlarmState.ALARM, AlarmState.OK),
        Arguments.of(new Double[] {1.0, n, 1.0}, 3, null, "breaching", AlarmState.OK, AlarmState.ALARM),
        Arguments.of(new Double[] {1.0, n, 1.0}, 3, null, null, AlarmState.OK, AlarmState.OK),
        Arguments.of(new Double[] {n, n, 1.0}, 1, null, null, AlarmState.OK, AlarmState.ALARM));
  }

  @ParameterizedTest
  @MethodSource("transitions")
  void evaluate_appliesThresholdAndMissingData(
      Double[] values, int periods, Integer toAlarm, String missing, AlarmState start, AlarmState expected) {
    put(values);
    // the three periods [T0, T0+30) are complete at T0+30
    MetricAlarm alarm = alarm(periods, toAlarm, missing, start);
    if (periods == 1) {
      clock.set(T0.plusSeconds(30));
    }
    assertThat(evaluator.evaluate(alarm, clock.instant()).state()).isEqualTo(expected);
  }

  @Test
  void run_recordsTransitionsInHistory() {
    alarms.save(alarm(1, null, null, AlarmState.INSUFFICIENT_DATA));
    put(1.0, 1.0, 1.0);
    evaluator.run();
    assertThat(alarms.find("streams-live").orElseThrow().stateValue()).isEqualTo(AlarmState.ALARM);
    assertThat(alarms.find("streams-live").orElseThrow().stateReason()).startsWith("Threshold Crossed");
    clock.set(T0.plusSeconds(60));
    put(null, null, null, 0.0, 0.0, 0.0);
    evaluator.run();
    assertThat(alarms.find("streams-live").orElseThrow().stateValue()).isEqualTo(AlarmState.OK);
    evaluator.run();
    List<AlarmHistoryItem> history =
        alarms.history(new HistoryQuery("streams-live", "StateUpdate", null, null, true, 0, 10));
    assertThat(history)
        .extracting(AlarmHistoryItem::summary)
        .containsExactly("Alarm updated from INSUFFICIENT_DATA to ALARM", "Alarm updated from ALARM to OK");
    assertThat(history.get(0).data()).contains("\"newState\"").contains("\"stateValue\":\"ALARM\"");
  }
}

package dev.onair.monitoring.cloudwatch.alarm;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.monitoring.cloudwatch.MetricDataEngine;
import dev.onair.monitoring.cloudwatch.MetricDataQuery;
import dev.onair.monitoring.cloudwatch.MetricDataResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every alarm against stored data and records state changes. The composition root runs it on a fixed
 * schedule (every 10 seconds suits the shortest alarm period Onair accepts, 10 s).
 *
 * <p>Only complete periods count: the window is the {@code EvaluationPeriods} periods ending at the start of the
 * current one. ALARM needs {@code DatapointsToAlarm} breaching points in the window; otherwise any point gives OK;
 * a window with no points gives INSUFFICIENT_DATA, unless TreatMissingData says to treat gaps as breaching,
 * not breaching, or to keep the current state ({@code ignore}).
 */
public final class AlarmEvaluator implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(AlarmEvaluator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REASON_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);

  private final AlarmRepository alarms;
  private final MetricDataEngine engine;
  private final AlarmTransitions transitions;
  private final Clock clock;

  public AlarmEvaluator(AlarmRepository alarms, MetricDataEngine engine, Clock clock) {
    this.alarms = requireNonNull(alarms, "alarms is null");
    this.engine = requireNonNull(engine, "engine is null");
    this.transitions = new AlarmTransitions(alarms);
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The outcome of evaluating one alarm. */
  public record Evaluation(AlarmState state, String reason, String reasonData) {}

  @Override
  public void run() {
    Instant now = clock.instant();
    for (MetricAlarm alarm : alarms.list()) {
      try {
        Evaluation evaluation = evaluate(alarm, now);
        if (evaluation.state() != alarm.stateValue()) {
          transitions.transition(alarm, evaluation.state(), evaluation.reason(), evaluation.reasonData(), now);
        }
      } catch (RuntimeException e) {
        // one broken alarm (say, an expression that no longer evaluates) must not stop the others
        LOG.warn("could not evaluate alarm {}", alarm.name(), e);
      }
    }
  }

  public Evaluation evaluate(MetricAlarm alarm, Instant now) {
    int period = period(alarm);
    long end = Math.floorDiv(now.getEpochSecond(), period) * period;
    long start = end - (long) period * alarm.evaluationPeriods();
    Map<Long, Double> points = points(alarm, Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
    int breaching = 0;
    int present = 0;
    List<Double> recent = new ArrayList<>();
    for (long time = start; time < end; time += period) {
      Double value = points.get(time);
      if (value == null) {
        switch (alarm.missingDataTreatment()) {
          case "breaching":
            breaching++;
            present++;
            break;
          case "notBreaching":
            present++;
            break;
          default:
            break;
        }
        continue;
      }
      present++;
      recent.add(value);
      if (breaches(alarm, value)) {
        breaching++;
      }
    }
    String data = reasonData(alarm, now, start, period, recent);
    if (breaching >= alarm.datapointsNeeded()) {
      return new Evaluation(AlarmState.ALARM, reason(alarm, breaching, recent, points, true), data);
    }
    if (present > 0) {
      return new Evaluation(AlarmState.OK, reason(alarm, present - breaching, recent, points, false), data);
    }
    if ("ignore".equals(alarm.missingDataTreatment())) {
      return new Evaluation(alarm.stateValue(), alarm.stateReason(), alarm.stateReasonData());
    }
    return new Evaluation(
        AlarmState.INSUFFICIENT_DATA,
        "Insufficient Data: " + alarm.evaluationPeriods() + " datapoint"
            + (alarm.evaluationPeriods() == 1 ? " was" : "s were") + " unknown.",
        data);
  }

  static boolean breaches(MetricAlarm alarm, double value) {
    double threshold = alarm.threshold() == null ? 0 : alarm.threshold();
    switch (alarm.comparisonOperator()) {
      case "GreaterThanOrEqualToThreshold":
        return value >= threshold;
      case "GreaterThanThreshold":
        return value > threshold;
      case "LessThanThreshold":
        return value < threshold;
      case "LessThanOrEqualToThreshold":
        return value <= threshold;
      default:
        return false;
    }
  }

  private static int period(MetricAlarm alarm) {
    if (alarm.period() != null) {
      return alarm.period();
    }
    int smallest = Integer.MAX_VALUE;
    for (MetricDataQuery query : alarm.metrics()) {
      if (query.period() != null) {
        smallest = Math.min(smallest, query.period());
      }
    }
    return smallest == Integer.MAX_VALUE ? 60 : smallest;
  }

  private Map<Long, Double> points(MetricAlarm alarm, Instant start, Instant end) {
    List<MetricDataQuery> queries;
    if (alarm.usesMetricMath()) {
      queries = alarm.metrics();
    } else {
      String stat = alarm.statistic() != null ? alarm.statistic() : alarm.extendedStatistic();
      queries =
          List.of(
              new MetricDataQuery(
                  "m1",
                  dev.onair.monitoring.metrics.MetricKey.of(
                      alarm.namespace(), alarm.metricName(), alarm.dimensions()),
                  alarm.period(),
                  stat,
                  alarm.unit(),
                  null,
                  null,
                  true));
    }
    Map<Long, Double> points = new TreeMap<>();
    List<MetricDataResult> results = engine.run(queries, start, end);
    if (!results.isEmpty()) {
      MetricDataResult result = results.get(0);
      for (int i = 0; i < result.timestamps().size(); i++) {
        points.put(result.timestamps().get(i), result.values().get(i));
      }
    }
    return points;
  }

  private static String reason(
      MetricAlarm alarm, int count, List<Double> recent, Map<Long, Double> points, boolean crossed) {
    StringBuilder shown = new StringBuilder();
    for (Map.Entry<Long, Double> point : points.entrySet()) {
      if (shown.length() > 0) {
        shown.append(", ");
      }
      shown.append(point.getValue()).append(" (")
          .append(REASON_TIME.format(Instant.ofEpochSecond(point.getKey()))).append(')');
    }
    String verb = crossed ? comparisonText(alarm.comparisonOperator()) : "not " + comparisonText(alarm.comparisonOperator());
    return "Threshold Crossed: "
        + count + " out of the last " + alarm.evaluationPeriods() + " datapoints [" + shown + "] "
        + (count == 1 ? "was " : "were ") + verb + " the threshold (" + alarm.threshold() + ") (minimum "
        + alarm.datapointsNeeded() + " datapoint" + (alarm.datapointsNeeded() == 1 ? "" : "s")
        + " for " + (crossed ? "OK -> ALARM" : "ALARM -> OK") + " transition).";
  }

  private static String comparisonText(String operator) {
    switch (operator) {
      case "GreaterThanOrEqualToThreshold":
        return "greater than or equal to";
      case "GreaterThanThreshold":
        return "greater than";
      case "LessThanThreshold":
        return "less than";
      case "LessThanOrEqualToThreshold":
        return "less than or equal to";
      default:
        return "compared with";
    }
  }

  private static String reasonData(MetricAlarm alarm, Instant now, long start, int period, List<Double> recent) {
    ObjectNode data = JSON.createObjectNode();
    data.put("version", "1.0");
    data.put("queryDate", DateTimeFormatter.ISO_INSTANT.format(now));
    data.put("startDate", DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(start)));
    if (alarm.statistic() != null) {
      data.put("statistic", alarm.statistic());
    }
    data.put("period", period);
    ArrayNode values = data.putArray("recentDatapoints");
    recent.forEach(values::add);
    if (alarm.threshold() != null) {
      data.put("threshold", alarm.threshold());
    }
    return data.toString();
  }
}

package dev.onair.monitoring.cloudwatch;

import static dev.onair.monitoring.cloudwatch.CloudWatchWire.INPUT;
import static dev.onair.monitoring.cloudwatch.CloudWatchWire.invalid;
import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.PageToken;
import dev.onair.monitoring.cloudwatch.math.MathException;
import dev.onair.monitoring.metrics.Aggregate;
import dev.onair.monitoring.metrics.Datapoint;
import dev.onair.monitoring.metrics.MetricDatum;
import dev.onair.monitoring.metrics.MetricIngest;
import dev.onair.monitoring.metrics.MetricKey;
import dev.onair.monitoring.metrics.MetricLimitException;
import dev.onair.monitoring.metrics.MetricReader;
import dev.onair.monitoring.metrics.Statistic;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StructNode;
import dev.onair.protocol.tree.TimestampNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** GetMetricData, GetMetricStatistics, ListMetrics, PutMetricData. */
final class MetricOperations {
  private static final int LIST_METRICS_PAGE = 500;
  private static final int MAX_STATISTICS_POINTS = 1440;
  private static final int DEFAULT_MAX_DATAPOINTS = 100_800;

  private final MetricIngest ingest;
  private final MetricReader reader;
  private final MetricDataEngine engine;
  private final Clock clock;

  MetricOperations(MetricIngest ingest, MetricReader reader, Clock clock) {
    this.ingest = requireNonNull(ingest, "ingest is null");
    this.reader = requireNonNull(reader, "reader is null");
    this.engine = new MetricDataEngine(reader);
    this.clock = requireNonNull(clock, "clock is null");
  }

  OperationResult putMetricData(CallContext context, StructNode input) {
    String namespace = INPUT.requiredString(input, "Namespace");
    if (namespace.startsWith("AWS/")) {
      throw invalid("The value AWS/ for parameter Namespace is invalid.");
    }
    if (namespace.length() > 255 || namespace.isBlank()) {
      throw invalid("The value " + namespace + " for parameter Namespace is invalid.");
    }
    List<StructNode> items = INPUT.structs(input, "MetricData");
    if (items.size() > 1000) {
      throw invalid("The collection MetricData must not have a size greater than 1000.");
    }
    Instant now = clock.instant();
    List<MetricDatum> data = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      data.add(datum(namespace, items.get(i), "MetricData.member." + (i + 1), now));
    }
    try {
      ingest.write(data);
    } catch (MetricLimitException e) {
      throw new AwsServiceException(CloudWatchErrorCode.LIMIT_EXCEEDED, e.getMessage());
    }
    return OperationResult.empty();
  }

  private static MetricDatum datum(String namespace, StructNode item, String member, Instant now) {
    String name = INPUT.requiredString(item, "MetricName");
    if (name.length() > 255) { // the model's limit; a longer name reached the database and answered 500
      throw invalid("The parameter " + member + ".MetricName must be at most 255 characters.");
    }
    Map<String, String> dimensions = CloudWatchWire.dimensions(item, "Dimensions");
    Instant timestamp = INPUT.timestamp(item, "Timestamp");
    if (timestamp == null) {
      timestamp = now;
    }
    if (timestamp.isAfter(now.plus(Duration.ofHours(2)))) {
      throw invalid("The parameter " + member + ".Timestamp must specify a time no more than two hours in the future.");
    }
    if (timestamp.isBefore(now.minus(Duration.ofDays(14)))) {
      throw invalid("The parameter " + member + ".Timestamp must specify a time within the past two weeks.");
    }
    Double value = INPUT.decimal(item, "Value");
    StructNode statistics = INPUT.struct(item, "StatisticValues");
    List<Node> values = INPUT.list(item, "Values");
    int given = (value != null ? 1 : 0) + (statistics != null ? 1 : 0) + (values.isEmpty() ? 0 : 1);
    if (given > 1) {
      throw new AwsServiceException(
          CloudWatchErrorCode.INVALID_PARAMETER_COMBINATION,
          "The parameters " + member + ".Value, " + member + ".StatisticValues and " + member
              + ".Values are mutually exclusive and you have specified more than one.");
    }
    Aggregate aggregate;
    if (value != null) {
      checkFinite(value, member + ".Value");
      aggregate = Aggregate.of(value);
    } else if (statistics != null) {
      double count = required(statistics, "SampleCount", member);
      double sum = required(statistics, "Sum", member);
      double minimum = required(statistics, "Minimum", member);
      double maximum = required(statistics, "Maximum", member);
      if (count <= 0 || minimum > maximum) {
        throw invalid("The parameter " + member + ".StatisticValues is invalid.");
      }
      aggregate = Aggregate.ofStatistics(count, sum, minimum, maximum);
    } else if (!values.isEmpty()) {
      List<Node> counts = INPUT.list(item, "Counts");
      if (!counts.isEmpty() && counts.size() != values.size()) {
        throw invalid("The parameters " + member + ".Values and " + member + ".Counts must be of the same size.");
      }
      aggregate = Aggregate.ofValues(doubles(values, member + ".Values"), counts.isEmpty() ? null : doubles(counts, member + ".Counts"));
    } else {
      throw new AwsServiceException(
          CloudWatchErrorCode.MISSING_PARAMETER,
          "The parameter " + member + ".Value, " + member + ".StatisticValues or " + member + ".Values is required.");
    }
    return new MetricDatum(MetricKey.of(namespace, name, dimensions), timestamp, aggregate, CloudWatchWire.unit(item, "Unit"));
  }

  private static double required(StructNode statistics, String member, String prefix) {
    Double value = INPUT.decimal(statistics, member);
    if (value == null) {
      throw INPUT.missing(prefix + ".StatisticValues." + member);
    }
    checkFinite(value, prefix + ".StatisticValues." + member);
    return value;
  }

  private static double[] doubles(List<Node> nodes, String member) {
    double[] values = new double[nodes.size()];
    for (int i = 0; i < values.length; i++) {
      String text = nodes.get(i).asText();
      try {
        values[i] = Double.parseDouble(text);
      } catch (NumberFormatException | NullPointerException e) {
        throw invalid("The parameter " + member + " must hold numbers.");
      }
      checkFinite(values[i], member);
    }
    return values;
  }

  private static void checkFinite(double value, String member) {
    if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) > 1e108 || (value != 0 && Math.abs(value) < 1e-130)) {
      throw invalid("The value " + value + " for parameter " + member + " is invalid.");
    }
  }

  OperationResult getMetricStatistics(CallContext context, StructNode input) {
    MetricKey key =
        MetricKey.of(
            INPUT.requiredString(input, "Namespace"),
            INPUT.requiredString(input, "MetricName"),
            CloudWatchWire.dimensions(input, "Dimensions"));
    Instant start = INPUT.requiredTimestamp(input, "StartTime");
    Instant end = INPUT.requiredTimestamp(input, "EndTime");
    Integer period = INPUT.integer(input, "Period");
    if (period == null) {
      throw INPUT.missing("Period");
    }
    CloudWatchWire.checkPeriod(period, "Period");
    if (!start.isBefore(end)) {
      throw invalid("The parameter StartTime must be less than the parameter EndTime.");
    }
    List<Statistic> statistics = new ArrayList<>();
    for (String name : INPUT.strings(input, "Statistics")) {
      statistics.add(parseStatistic(name, "Statistics", false));
    }
    List<Statistic> extended = new ArrayList<>();
    for (String name : INPUT.strings(input, "ExtendedStatistics")) {
      extended.add(parseStatistic(name, "ExtendedStatistics", true));
    }
    if (statistics.isEmpty() && extended.isEmpty()) {
      throw new AwsServiceException(
          CloudWatchErrorCode.MISSING_PARAMETER, "Must specify either Statistics or ExtendedStatistics.");
    }
    long points = (end.getEpochSecond() - start.getEpochSecond()) / period;
    if (points > MAX_STATISTICS_POINTS) {
      throw new AwsServiceException(
          CloudWatchErrorCode.INVALID_PARAMETER_COMBINATION,
          "You have requested up to " + points + " datapoints, which exceeds the limit of " + MAX_STATISTICS_POINTS
              + ". You may reduce the datapoints requested by increasing Period, or decreasing the time range.");
    }
    String unit = CloudWatchWire.unit(input, "Unit");
    List<Node> datapoints = new ArrayList<>();
    for (Datapoint point : reader.read(key, start, end, period, unit)) {
      StructNode.Builder node = StructNode.builder().put("Timestamp", point.timestamp());
      for (Statistic statistic : statistics) {
        statistic.compute(point.aggregate()).ifPresent(value -> node.put(statistic.name(), value));
      }
      if (!extended.isEmpty()) {
        Map<String, Node> values = new LinkedHashMap<>();
        for (Statistic statistic : extended) {
          OptionalDouble value = statistic.compute(point.aggregate());
          if (value.isPresent()) {
            values.put(statistic.name(), NumberNode.of(value.getAsDouble()));
          }
        }
        node.put("ExtendedStatistics", new MapNode(values));
      }
      datapoints.add(node.put("Unit", point.unit()).build());
    }
    return OperationResult.output(
        StructNode.builder().put("Label", key.metricName()).put("Datapoints", new ListNode(datapoints)).build());
  }

  private static Statistic parseStatistic(String name, String member, boolean extended) {
    try {
      Statistic statistic = Statistic.parse(name);
      if (statistic.isExtended() == extended) {
        return statistic;
      }
    } catch (IllegalArgumentException e) {
      // reported below with the member name
    }
    throw invalid("The value " + name + " for parameter " + member + " is invalid.");
  }

  OperationResult listMetrics(CallContext context, StructNode input) {
    String namespace = INPUT.string(input, "Namespace");
    String metricName = INPUT.string(input, "MetricName");
    Map<String, String> filters = CloudWatchWire.dimensionFilters(input, "Dimensions");
    String recentlyActive = INPUT.string(input, "RecentlyActive");
    if (recentlyActive != null && !"PT3H".equals(recentlyActive)) {
      throw invalid("The value " + recentlyActive + " for parameter RecentlyActive is invalid.");
    }
    String token = INPUT.string(input, "NextToken");
    String after =
        token == null || token.isEmpty()
            ? null
            : PageToken.decode("ListMetrics", token, () -> invalidToken());
    Instant since = recentlyActive == null ? null : clock.instant().minus(Duration.ofHours(3));
    List<MetricKey> found =
        reader.store().find(namespace, metricName, filters, since, after, LIST_METRICS_PAGE + 1);
    boolean more = found.size() > LIST_METRICS_PAGE;
    List<MetricKey> page = more ? found.subList(0, LIST_METRICS_PAGE) : found;
    StructNode.Builder output =
        StructNode.builder().put("Metrics", ListNode.map(page, CloudWatchWire::metricNode));
    if (more) {
      output.put("NextToken", PageToken.encode("ListMetrics", page.get(page.size() - 1).seriesId()));
    }
    return OperationResult.output(output.build());
  }

  private static AwsServiceException invalidToken() {
    return new AwsServiceException(CloudWatchErrorCode.INVALID_NEXT_TOKEN, "The service returned an error: invalid next token.");
  }

  OperationResult getMetricData(CallContext context, StructNode input) {
    List<MetricDataQuery> queries = CloudWatchWire.queries(input, "MetricDataQueries");
    Instant start = INPUT.requiredTimestamp(input, "StartTime");
    Instant end = INPUT.requiredTimestamp(input, "EndTime");
    if (!start.isBefore(end)) {
      throw invalid("The parameter StartTime must be less than the parameter EndTime.");
    }
    String scanBy = INPUT.string(input, "ScanBy");
    boolean ascending = "TimestampAscending".equals(scanBy);
    if (scanBy != null && !ascending && !"TimestampDescending".equals(scanBy)) {
      throw invalid("The value " + scanBy + " for parameter ScanBy is invalid.");
    }
    Integer maxDatapoints = INPUT.integer(input, "MaxDatapoints");
    int limit = maxDatapoints == null ? DEFAULT_MAX_DATAPOINTS : maxDatapoints;
    if (limit <= 0) {
      throw invalid("The parameter MaxDatapoints must be greater than 0.");
    }
    int offset = PageToken.decodeOffset("GetMetricData", INPUT.string(input, "NextToken"), MetricOperations::invalidToken);
    List<MetricDataResult> results;
    try {
      results = engine.run(queries, start, end);
    } catch (MathException e) {
      throw new AwsServiceException(CloudWatchErrorCode.VALIDATION_ERROR, e.getMessage());
    }
    return OperationResult.output(MetricDataPager.page(results, ascending, offset, limit));
  }

  /** Exposed for the alarm evaluator, which must see what GetMetricData sees. */
  MetricDataEngine engine() {
    return engine;
  }

  static TimestampNode timestamp(long epochSecond) {
    return new TimestampNode(Instant.ofEpochSecond(epochSecond));
  }
}

package dev.onair.monitoring.cloudwatch.alarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.monitoring.cloudwatch.MetricDataQuery;
import dev.onair.monitoring.metrics.MetricKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alarm definitions as one JSON document, so stores keep an alarm in a single column and a new PutMetricAlarm
 * member never needs a schema migration. Written by hand rather than by reflection so the stored format is
 * explicit and survives renaming a Java component.
 */
public final class AlarmCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlarmCodec() {}

  public static String toJson(MetricAlarm alarm) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", alarm.name());
    node.put("arn", alarm.arn());
    node.put("description", alarm.description());
    node.put("actionsEnabled", alarm.actionsEnabled());
    node.set("okActions", strings(alarm.okActions()));
    node.set("alarmActions", strings(alarm.alarmActions()));
    node.set("insufficientDataActions", strings(alarm.insufficientDataActions()));
    node.put("namespace", alarm.namespace());
    node.put("metricName", alarm.metricName());
    node.set("dimensions", JSON.valueToTree(alarm.dimensions()));
    node.put("statistic", alarm.statistic());
    node.put("extendedStatistic", alarm.extendedStatistic());
    node.put("period", alarm.period());
    node.put("unit", alarm.unit());
    node.put("evaluationPeriods", alarm.evaluationPeriods());
    node.put("datapointsToAlarm", alarm.datapointsToAlarm());
    node.put("threshold", alarm.threshold());
    node.put("comparisonOperator", alarm.comparisonOperator());
    node.put("treatMissingData", alarm.treatMissingData());
    node.put("evaluateLowSampleCountPercentile", alarm.evaluateLowSampleCountPercentile());
    ArrayNode metrics = node.putArray("metrics");
    for (MetricDataQuery query : alarm.metrics()) {
      metrics.add(query(query));
    }
    node.put("thresholdMetricId", alarm.thresholdMetricId());
    node.put("stateValue", alarm.stateValue().name());
    node.put("stateReason", alarm.stateReason());
    node.put("stateReasonData", alarm.stateReasonData());
    node.put("stateUpdated", millis(alarm.stateUpdated()));
    node.put("stateTransitioned", millis(alarm.stateTransitioned()));
    node.put("configurationUpdated", millis(alarm.configurationUpdated()));
    return node.toString();
  }

  public static MetricAlarm fromJson(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored alarm is not JSON", e);
    }
    List<MetricDataQuery> metrics = new ArrayList<>();
    for (JsonNode query : node.path("metrics")) {
      metrics.add(query(query));
    }
    return new MetricAlarm(
        text(node, "name"),
        text(node, "arn"),
        text(node, "description"),
        node.path("actionsEnabled").asBoolean(true),
        strings(node.path("okActions")),
        strings(node.path("alarmActions")),
        strings(node.path("insufficientDataActions")),
        text(node, "namespace"),
        text(node, "metricName"),
        map(node.path("dimensions")),
        text(node, "statistic"),
        text(node, "extendedStatistic"),
        integer(node, "period"),
        text(node, "unit"),
        node.path("evaluationPeriods").asInt(1),
        integer(node, "datapointsToAlarm"),
        node.hasNonNull("threshold") ? node.get("threshold").asDouble() : null,
        text(node, "comparisonOperator"),
        text(node, "treatMissingData"),
        text(node, "evaluateLowSampleCountPercentile"),
        metrics,
        text(node, "thresholdMetricId"),
        AlarmState.valueOf(text(node, "stateValue")),
        text(node, "stateReason"),
        text(node, "stateReasonData"),
        instant(node, "stateUpdated"),
        instant(node, "stateTransitioned"),
        instant(node, "configurationUpdated"));
  }

  private static ObjectNode query(MetricDataQuery query) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", query.id());
    if (query.metric() != null) {
      node.put("namespace", query.metric().namespace());
      node.put("metricName", query.metric().metricName());
      node.set("dimensions", JSON.valueToTree(query.metric().dimensions()));
    }
    node.put("period", query.period());
    node.put("stat", query.stat());
    node.put("unit", query.unit());
    node.put("expression", query.expression());
    node.put("label", query.label());
    node.put("returnData", query.returnData());
    return node;
  }

  private static MetricDataQuery query(JsonNode node) {
    MetricKey metric =
        node.hasNonNull("metricName")
            ? MetricKey.of(text(node, "namespace"), text(node, "metricName"), map(node.path("dimensions")))
            : null;
    return new MetricDataQuery(
        text(node, "id"),
        metric,
        integer(node, "period"),
        text(node, "stat"),
        text(node, "unit"),
        text(node, "expression"),
        text(node, "label"),
        node.path("returnData").asBoolean(true));
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.asText()));
    return values;
  }

  private static Map<String, String> map(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asInt();
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static Instant instant(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : Instant.ofEpochMilli(value.asLong());
  }
}

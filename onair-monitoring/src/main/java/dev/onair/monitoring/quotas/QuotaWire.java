package dev.onair.monitoring.quotas;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.StructNode;

/** Service Quotas output shapes. */
final class QuotaWire {
  private static final ObjectMapper JSON = new ObjectMapper();

  private QuotaWire() {}

  static StructNode quota(CallContext context, QuotaDefinition quota, double value) {
    StructNode.Builder node =
        StructNode.builder()
            .put("ServiceCode", quota.serviceCode())
            .put("ServiceName", IvsQuotaCatalog.SERVICE_NAME)
            .put("QuotaArn", ServiceQuotasService.quotaArn(context, quota.serviceCode(), quota.quotaCode()))
            .put("QuotaCode", quota.quotaCode())
            .put("QuotaName", quota.name())
            .put("Value", value)
            .put("Unit", quota.unit())
            .put("Adjustable", quota.adjustable())
            .put("GlobalQuota", false);
    if (quota.usageMetric() != null) {
      node.put(
          "UsageMetric",
          StructNode.builder()
              .put("MetricNamespace", quota.usageMetric().namespace())
              .put("MetricName", quota.usageMetric().metricName())
              .put("MetricDimensions", MapNode.ofStrings(quota.usageMetric().dimensions()))
              .put("MetricStatisticRecommendation", quota.usageMetric().statistic())
              .build());
    }
    return node.put("QuotaAppliedAtLevel", "ACCOUNT").put("Description", quota.description()).build();
  }

  static StructNode request(CallContext context, QuotaRequest request) {
    QuotaDefinition quota = IvsQuotaCatalog.byCode(request.quotaCode()).orElseThrow();
    String requester =
        JSON.createObjectNode()
            .put("accountId", request.accountId())
            .put("callerArn", request.requester())
            .toString();
    return StructNode.builder()
        .put("Id", request.id())
        .put("ServiceCode", request.serviceCode())
        .put("ServiceName", IvsQuotaCatalog.SERVICE_NAME)
        .put("QuotaCode", request.quotaCode())
        .put("QuotaName", quota.name())
        .put("DesiredValue", request.desiredValue())
        .put("Status", request.status())
        .put("Created", request.created())
        .put("LastUpdated", request.lastUpdated())
        .put("Requester", requester)
        .put("QuotaArn", ServiceQuotasService.quotaArn(context, request.serviceCode(), request.quotaCode()))
        .put("GlobalQuota", false)
        .put("Unit", quota.unit())
        .put("QuotaRequestedAtLevel", "ACCOUNT")
        .build();
  }
}

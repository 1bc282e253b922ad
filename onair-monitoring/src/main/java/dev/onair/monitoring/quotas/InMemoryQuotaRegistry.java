package dev.onair.monitoring.quotas;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A registry holding values itself; the catalog default applies until a value is set. */
public final class InMemoryQuotaRegistry implements QuotaRegistry {
  private final Map<String, Double> values = new ConcurrentHashMap<>();

  @Override
  public double value(QuotaDefinition quota, String accountId, String region) {
    return values.getOrDefault(key(quota, accountId, region), quota.defaultValue());
  }

  @Override
  public void setValue(QuotaDefinition quota, String accountId, String region, double value) {
    values.put(key(quota, accountId, region), value);
  }

  private static String key(QuotaDefinition quota, String accountId, String region) {
    return quota.serviceCode() + "/" + quota.quotaCode() + "/" + accountId + "/" + region;
  }
}

package dev.onair.ivs;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place IVS limits live. Values apply per account and region, as AWS's do; an account without an override
 * gets the installation-wide value. Thread-safe and changeable at runtime, so that Service Quotas (or an operator)
 * can raise a limit without a restart.
 */
public final class IvsQuotas {
  private final Map<IvsQuota, Long> defaults = new ConcurrentHashMap<>();
  private final Map<String, Map<IvsQuota, Long>> overrides = new ConcurrentHashMap<>();

  public IvsQuotas() {
    for (IvsQuota quota : IvsQuota.values()) {
      defaults.put(quota, quota.defaultValue());
    }
  }

  public long limit(IvsQuota quota, String accountId, String region) {
    Map<IvsQuota, Long> scoped = overrides.get(scope(accountId, region));
    if (scoped != null) {
      Long value = scoped.get(quota);
      if (value != null) {
        return value;
      }
    }
    return defaults.get(quota);
  }

  /** Changes the value for every account that has no override of its own. */
  public void setDefault(IvsQuota quota, long value) {
    requireNonNull(quota, "quota is null");
    defaults.put(quota, checked(value));
  }

  public void set(IvsQuota quota, String accountId, String region, long value) {
    requireNonNull(quota, "quota is null");
    overrides
        .computeIfAbsent(scope(accountId, region), key -> new ConcurrentHashMap<>())
        .put(quota, checked(value));
  }

  /** The effective values for one account and region, for Service Quotas' ListServiceQuotas. */
  public Map<IvsQuota, Long> effective(String accountId, String region) {
    Map<IvsQuota, Long> values = new EnumMap<>(IvsQuota.class);
    for (IvsQuota quota : IvsQuota.values()) {
      values.put(quota, limit(quota, accountId, region));
    }
    return values;
  }

  /** Throws ServiceQuotaExceededException when adding {@code adding} to {@code current} would pass the limit. */
  public void requireRoom(IvsQuota quota, String accountId, String region, long current, long adding) {
    long limit = limit(quota, accountId, region);
    if (current + adding > limit) {
      throw IvsErrors.quotaExceeded(
          "Quota exceeded: " + quota.displayName() + " is limited to " + limit);
    }
  }

  private static long checked(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a quota cannot be negative: " + value);
    }
    return value;
  }

  private static String scope(String accountId, String region) {
    return requireNonNull(accountId, "accountId is null") + "/" + requireNonNull(region, "region is null");
  }
}

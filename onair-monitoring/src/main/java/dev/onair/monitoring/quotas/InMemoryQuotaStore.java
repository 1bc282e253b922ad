package dev.onair.monitoring.quotas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryQuotaStore implements QuotaStore {
  private final Map<String, QuotaRequest> requests = new LinkedHashMap<>();
  private final Map<String, AppliedQuota> applied = new LinkedHashMap<>();

  @Override
  public synchronized void saveRequest(QuotaRequest request) {
    requests.put(request.id(), request);
  }

  @Override
  public synchronized Optional<QuotaRequest> findRequest(String id) {
    return Optional.ofNullable(requests.get(id));
  }

  @Override
  public synchronized List<QuotaRequest> requests(
      String accountId, String region, String serviceCode, String quotaCode, String status) {
    List<QuotaRequest> found = new ArrayList<>();
    for (QuotaRequest request : requests.values()) {
      if ((accountId == null || accountId.equals(request.accountId()))
          && (region == null || region.equals(request.region()))
          && (serviceCode == null || serviceCode.equals(request.serviceCode()))
          && (quotaCode == null || quotaCode.equals(request.quotaCode()))
          && (status == null || status.equals(request.status()))) {
        found.add(request);
      }
    }
    found.sort(Comparator.comparing(QuotaRequest::created).thenComparing(QuotaRequest::id).reversed());
    return found;
  }

  @Override
  public synchronized void saveApplied(AppliedQuota value) {
    applied.put(
        value.accountId() + "/" + value.region() + "/" + value.serviceCode() + "/" + value.quotaCode(), value);
  }

  @Override
  public synchronized List<AppliedQuota> applied() {
    return List.copyOf(applied.values());
  }
}

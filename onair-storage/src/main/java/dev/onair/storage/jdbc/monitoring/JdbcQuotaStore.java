package dev.onair.storage.jdbc.monitoring;

import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.quotas.QuotaRequest;
import dev.onair.monitoring.quotas.QuotaStore;
import dev.onair.storage.Jdbc;
import dev.onair.storage.RowMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Service Quotas requests and applied values. */
public final class JdbcQuotaStore implements QuotaStore {
  private static final String COLUMNS =
      "request_id, account_id, region, service_code, quota_code, desired_value, status, created_at, updated_at,"
          + " requester";
  private static final RowMapper<QuotaRequest> REQUEST =
      row ->
          new QuotaRequest(
              row.string("request_id"),
              row.string("account_id"),
              row.string("region"),
              row.string("service_code"),
              row.string("quota_code"),
              Double.parseDouble(row.string("desired_value")),
              row.string("status"),
              row.instant("created_at"),
              row.instant("updated_at"),
              row.string("requester"));

  private final Jdbc jdbc;

  public JdbcQuotaStore(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public void saveRequest(QuotaRequest request) {
    jdbc.upsertTransaction(
        tx -> {
          int updated =
              tx.update(
                  "update monitoring_quota_request set status = ?, updated_at = ? where request_id = ?",
                  request.status(), request.lastUpdated(), request.id());
          if (updated == 0) {
            tx.update(
                "insert into monitoring_quota_request (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                request.id(), request.accountId(), request.region(), request.serviceCode(), request.quotaCode(),
                request.desiredValue(), request.status(), request.created(), request.lastUpdated(),
                request.requester());
          }
        });
  }

  @Override
  public Optional<QuotaRequest> findRequest(String id) {
    return jdbc.queryOne(
        "select " + COLUMNS + " from monitoring_quota_request where request_id = ?", REQUEST, id);
  }

  @Override
  public List<QuotaRequest> requests(
      String accountId, String region, String serviceCode, String quotaCode, String status) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from monitoring_quota_request where 1 = 1");
    List<Object> params = new ArrayList<>();
    filter(sql, params, "account_id", accountId);
    filter(sql, params, "region", region);
    filter(sql, params, "service_code", serviceCode);
    filter(sql, params, "quota_code", quotaCode);
    filter(sql, params, "status", status);
    sql.append(" order by created_at desc, request_id desc");
    return jdbc.query(sql.toString(), REQUEST, params.toArray());
  }

  private static void filter(StringBuilder sql, List<Object> params, String column, String value) {
    if (value != null) {
      sql.append(" and ").append(column).append(" = ?");
      params.add(value);
    }
  }

  @Override
  public void saveApplied(AppliedQuota applied) {
    jdbc.upsertTransaction(
        tx -> {
          int updated =
              tx.update(
                  "update monitoring_quota_applied set quota_value = ? where account_id = ? and region = ?"
                      + " and service_code = ? and quota_code = ?",
                  applied.value(), applied.accountId(), applied.region(), applied.serviceCode(),
                  applied.quotaCode());
          if (updated == 0) {
            tx.update(
                "insert into monitoring_quota_applied (account_id, region, service_code, quota_code, quota_value)"
                    + " values (?, ?, ?, ?, ?)",
                applied.accountId(), applied.region(), applied.serviceCode(), applied.quotaCode(),
                applied.value());
          }
        });
  }

  @Override
  public List<AppliedQuota> applied() {
    return jdbc.query(
        "select account_id, region, service_code, quota_code, quota_value from monitoring_quota_applied",
        row ->
            new AppliedQuota(
                row.string("account_id"),
                row.string("region"),
                row.string("service_code"),
                row.string("quota_code"),
                Double.parseDouble(row.string("quota_value"))));
  }
}

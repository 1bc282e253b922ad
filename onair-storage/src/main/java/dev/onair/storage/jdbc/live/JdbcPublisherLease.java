package dev.onair.storage.jdbc.live;

import static java.util.Objects.requireNonNull;

import dev.onair.live.port.PublisherLease;
import dev.onair.storage.DataAccessException;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leases in {@code live_publisher_lease} (V600). A first claim is decided by the primary key; a takeover of an
 * expired lease by a conditional update, which PostgreSQL and H2 both re-check under the row lock, so of two
 * nodes racing for the same expired lease exactly one updates a row. Times come from the caller's clock: nodes
 * need synchronised clocks (NTP), and the TTL must be far longer than their skew.
 */
public final class JdbcPublisherLease implements PublisherLease {
  private static final String COLUMNS = "channel_arn, node_id, session_id, expires_at";

  private final Jdbc jdbc;

  public JdbcPublisherLease(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public Optional<Lease> claim(String channelArn, String nodeId, String sessionId, Instant now, Duration ttl) {
    Lease lease = new Lease(channelArn, nodeId, sessionId, now.plus(ttl));
    try {
      jdbc.update(
          "insert into live_publisher_lease (channel_arn, node_id, session_id, claimed_at, expires_at)"
              + " values (?, ?, ?, ?, ?)",
          channelArn, nodeId, sessionId, now, lease.expiresAt());
      return Optional.of(lease);
    } catch (DataAccessException e) {
      if (!e.isUniqueViolation()) {
        throw e;
      }
    }
    int taken =
        jdbc.update(
            "update live_publisher_lease set node_id = ?, session_id = ?, claimed_at = ?, expires_at = ?"
                + " where channel_arn = ? and expires_at <= ?",
            nodeId, sessionId, now, lease.expiresAt(), channelArn, now);
    return taken == 1 ? Optional.of(lease) : Optional.empty();
  }

  @Override
  public boolean renew(Lease lease, Instant now, Duration ttl) {
    // A lease that expired is renewable only while nobody took it over: the session id still matches.
    return jdbc.update(
            "update live_publisher_lease set expires_at = ? where channel_arn = ? and node_id = ? and session_id = ?",
            now.plus(ttl), lease.channelArn(), lease.nodeId(), lease.sessionId())
        == 1;
  }

  @Override
  public void release(Lease lease) {
    jdbc.update(
        "delete from live_publisher_lease where channel_arn = ? and node_id = ? and session_id = ?",
        lease.channelArn(), lease.nodeId(), lease.sessionId());
  }

  @Override
  public Optional<Lease> find(String channelArn) {
    return jdbc.queryOne(
        "select " + COLUMNS + " from live_publisher_lease where channel_arn = ?", JdbcPublisherLease::map,
        channelArn);
  }

  @Override
  public List<Lease> expired(Instant now) {
    return jdbc.query(
        "select " + COLUMNS + " from live_publisher_lease where expires_at <= ? order by expires_at",
        JdbcPublisherLease::map, now);
  }

  private static Lease map(Row row) throws SQLException {
    return new Lease(
        row.string("channel_arn"), row.string("node_id"), row.string("session_id"), row.instant("expires_at"));
  }
}

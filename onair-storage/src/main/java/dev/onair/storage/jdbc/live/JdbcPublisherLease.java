package dev.onair.storage.jdbc.live;

import static java.util.Objects.requireNonNull;

import dev.onair.live.port.PublisherLease;
import dev.onair.storage.DataAccessException;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Leases in {@code live_publisher_lease} (V600, V610). A first claim is decided by the primary key; a takeover of
 * an expired lease by a conditional update, which PostgreSQL and H2 both re-check under the row lock, so of two
 * nodes racing for the same expired lease exactly one updates a row. Reaping is a conditional delete for the same
 * reason. Times come from the caller's clock: nodes need synchronised clocks (NTP), and the TTL must be far longer
 * than their skew.
 */
public final class JdbcPublisherLease implements PublisherLease {
  private static final String COLUMNS = "channel_arn, node_id, session_id, expires_at";
  private static final String STATE_COLUMNS =
      COLUMNS + ", node_address, stream_key_arn, started_at, health, viewer_count, stop_requested";
  // A lease that expired is renewable only while nobody took it over: the session id still matches.
  private static final String RENEW =
      "update live_publisher_lease set expires_at = ? where channel_arn = ? and node_id = ? and session_id = ?";
  // The usual heartbeat: one statement; a set stop flag makes it match nothing, and the caller falls back to RENEW.
  private static final String HEARTBEAT =
      "update live_publisher_lease set expires_at = ?, health = ?, viewer_count = ?"
          + " where channel_arn = ? and node_id = ? and session_id = ? and stop_requested = false";

  private final Jdbc jdbc;

  public JdbcPublisherLease(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public Optional<Lease> claim(String channelArn, String nodeId, String sessionId, Holder holder, Instant now,
      Duration ttl) {
    Lease lease = new Lease(channelArn, nodeId, sessionId, now.plus(ttl));
    try {
      jdbc.update(
          "insert into live_publisher_lease (channel_arn, node_id, session_id, claimed_at, expires_at,"
              + " node_address, stream_key_arn, started_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
          channelArn, nodeId, sessionId, now, lease.expiresAt(), holder.nodeAddress(), holder.streamKeyArn(),
          holder.startTime());
      return Optional.of(lease);
    } catch (DataAccessException e) {
      if (!e.isUniqueViolation()) {
        throw e;
      }
    }
    int taken =
        jdbc.update(
            "update live_publisher_lease set node_id = ?, session_id = ?, claimed_at = ?, expires_at = ?,"
                + " node_address = ?, stream_key_arn = ?, started_at = ?, health = null, viewer_count = 0,"
                + " stop_requested = false where channel_arn = ? and expires_at <= ?",
            nodeId, sessionId, now, lease.expiresAt(), holder.nodeAddress(), holder.streamKeyArn(),
            holder.startTime(), channelArn, now);
    return taken == 1 ? Optional.of(lease) : Optional.empty();
  }

  @Override
  public boolean renew(Lease lease, Instant now, Duration ttl) {
    return jdbc.update(RENEW, now.plus(ttl), lease.channelArn(), lease.nodeId(), lease.sessionId()) == 1;
  }

  @Override
  public Renewal heartbeat(Lease lease, Instant now, Duration ttl, String health, long viewerCount) {
    // One statement in the usual case; the stop flag is read back only when the update reports it set.
    int renewed = jdbc.update(HEARTBEAT, now.plus(ttl), health, viewerCount, lease.channelArn(), lease.nodeId(),
        lease.sessionId());
    if (renewed == 1) {
      return Renewal.RENEWED;
    }
    return renew(lease, now, ttl) ? Renewal.STOP_REQUESTED : Renewal.LOST;
  }

  /**
   * One transaction per tick: the usual-case update as one JDBC batch, then, only for the leases it did not
   * renew (a stop was requested, or the lease is gone), the same fallback as {@link #heartbeat}. Rows are
   * updated in channel order, so on PostgreSQL two transactions never lock the same rows in opposite orders.
   */
  @Override
  public List<Renewal> heartbeatAll(List<Beat> beats, Instant now, Duration ttl) {
    if (beats.isEmpty()) {
      return List.of();
    }
    Instant expiresAt = now.plus(ttl);
    Integer[] order = new Integer[beats.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> beats.get(i).lease().channelArn()));
    List<Object[]> rows = new ArrayList<>(order.length);
    for (int i : order) {
      Beat beat = beats.get(i);
      Lease lease = beat.lease();
      rows.add(new Object[] {expiresAt, beat.health(), beat.viewerCount(), lease.channelArn(), lease.nodeId(),
          lease.sessionId()});
    }
    return jdbc.transaction(tx -> {
      int[] counts = tx.batch(HEARTBEAT, rows);
      Renewal[] renewals = new Renewal[order.length];
      for (int k = 0; k < order.length; k++) {
        int i = order[k];
        if (counts[k] == 1) {
          renewals[i] = Renewal.RENEWED;
        } else if (counts[k] == 0) {
          Lease lease = beats.get(i).lease();
          renewals[i] = tx.update(RENEW, expiresAt, lease.channelArn(), lease.nodeId(), lease.sessionId()) == 1
              ? Renewal.STOP_REQUESTED : Renewal.LOST;
        } else {
          throw new IllegalStateException("the JDBC driver did not report per-row update counts");
        }
      }
      return List.of(renewals);
    });
  }

  @Override
  public boolean requestStop(String channelArn, String streamKeyArn, Instant now) {
    if (streamKeyArn == null) {
      return jdbc.update(
          "update live_publisher_lease set stop_requested = true where channel_arn = ? and expires_at > ?",
          channelArn, now) == 1;
    }
    return jdbc.update(
        "update live_publisher_lease set stop_requested = true"
            + " where channel_arn = ? and expires_at > ? and stream_key_arn = ?",
        channelArn, now, streamKeyArn) == 1;
  }

  @Override
  public List<Lease> stopRequested(String nodeId) {
    return jdbc.query(
        "select " + COLUMNS + " from live_publisher_lease where node_id = ? and stop_requested = true"
            + " order by channel_arn",
        JdbcPublisherLease::map, nodeId);
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
  public Optional<LeaseState> state(String channelArn) {
    return jdbc.queryOne(
        "select " + STATE_COLUMNS + " from live_publisher_lease where channel_arn = ?",
        JdbcPublisherLease::mapState, channelArn);
  }

  @Override
  public List<LeaseState> live(Instant now) {
    return jdbc.query(
        "select " + STATE_COLUMNS + " from live_publisher_lease where expires_at > ? order by channel_arn",
        JdbcPublisherLease::mapState, now);
  }

  @Override
  public List<Lease> expired(Instant now) {
    return jdbc.query(
        "select " + COLUMNS + " from live_publisher_lease where expires_at <= ? order by expires_at",
        JdbcPublisherLease::map, now);
  }

  @Override
  public boolean reap(Lease lease, Instant now) {
    return jdbc.update(
            "delete from live_publisher_lease where channel_arn = ? and node_id = ? and session_id = ?"
                + " and expires_at <= ?",
            lease.channelArn(), lease.nodeId(), lease.sessionId(), now)
        == 1;
  }

  private static Lease map(Row row) throws SQLException {
    return new Lease(
        row.string("channel_arn"), row.string("node_id"), row.string("session_id"), row.instant("expires_at"));
  }

  private static LeaseState mapState(Row row) throws SQLException {
    Long viewers = row.longValue("viewer_count");
    return new LeaseState(map(row),
        new Holder(row.string("node_address"), row.string("stream_key_arn"), row.instant("started_at")),
        row.string("health"), viewers == null ? 0 : viewers, row.bool("stop_requested"));
  }
}

import java.nio.file.*; import java.sql.*; import java.util.*;
/**
 * Whether the embedded database needs column statistics (docs/ARCHITECTURE.md, "Statistics of the embedded database"):
 * builds the real schema (the Flyway migrations, in version order) in an in-memory H2 with the server's URL settings and
 * ANALYZE_AUTO=0, fills the tables that change most (170,000 metric buckets of 140 series, 30,000 audit events, 50
 * leases), and prints each hot statement's plan never analyzed and after ANALYZE.
 *
 * <p>Run from the repository root: {@code java -cp onair-server/target/lib/h2-2.5.252.jar bench/H2Plans.java}
 */
public class H2Plans {
  static final String[] Q = {
    "select bucket_start, sample_count, sum_value, min_value, max_value, samples, unit from monitoring_metric_bucket where series_key = 51 and resolution = 1 and bucket_start >= 100 and bucket_start < 200 order by bucket_start",
    "select sample_count from monitoring_metric_bucket where series_key = 51 and resolution = 60 and bucket_start = 120 for update",
    "update monitoring_metric_bucket set sample_count = 1 where series_key = 51 and resolution = 60 and bucket_start = 120",
    "delete from monitoring_metric_bucket where resolution = 1 and bucket_start < 10",
    "delete from monitoring_metric_bucket where series_key in (select series_key from monitoring_metric_series where last_seen < timestamp '2000-01-01 00:00:00+00')",
    "update monitoring_metric_series set last_seen = now() where series_id = 's0050' and last_seen < now()",
    "select series_id, namespace, metric_name, dimensions_json from monitoring_metric_series where 1 = 1 and namespace = 'AWS/IVS' and metric_name = 'm3' and last_seen >= timestamp '2000-01-01 00:00:00+00' and series_id > '' order by series_id limit 200",
    "select * from monitoring_audit_event where 1 = 1 and account_id = '123456789012' and event_time >= timestamp '2026-01-01 00:00:00+00' and (event_time < now() or (event_time = now() and event_id < 'z')) order by event_time desc, event_id desc limit 50",
    "delete from monitoring_audit_event where event_time < timestamp '2000-01-01 00:00:00+00'",
    "update live_publisher_lease set expires_at = now() where channel_arn = 'c5' and node_id = 'n' and session_id = 's'",
    "select * from live_publisher_lease where expires_at > now() order by channel_arn",
    "select * from live_publisher_lease where expires_at <= now() order by expires_at",
  };
  public static void main(String[] a) throws Exception {
    String mig = a.length > 0 ? a[0] : "onair-storage/src/main/resources/db/migration";
    List<Path> files = new ArrayList<>(); try (var s = Files.list(Path.of(mig))) { s.filter(p -> p.toString().endsWith(".sql")).forEach(files::add); }
    files.sort(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))));
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:plan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;ANALYZE_AUTO=0", "sa", "")) {
      Statement st = c.createStatement();
      for (Path f : files) st.execute("RUNSCRIPT FROM '" + f + "'");
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("insert into monitoring_metric_series (series_id, namespace, metric_name, dimensions_json, last_seen) values (?, 'AWS/IVS', ?, '{}', now())")) {
        for (int i = 0; i < 140; i++) { ps.setString(1, String.format("s%04d", i)); ps.setString(2, "m" + (i % 13)); ps.addBatch(); } ps.executeBatch(); }
      try (PreparedStatement ps = c.prepareStatement("insert into monitoring_metric_bucket values (?, ?, ?, 1, 1, 1, 1, '1.0', 'Count')")) {
        for (int t = 0; t < 1200; t++) for (int i = 0; i < 140; i++) { ps.setLong(1, i + 1); ps.setInt(2, 1); ps.setLong(3, t); ps.addBatch(); if (t % 60 == 0) { ps.setLong(1, i + 1); ps.setInt(2, 60); ps.setLong(3, t); ps.addBatch(); } }
        ps.executeBatch(); }
      try (PreparedStatement ps = c.prepareStatement("insert into monitoring_audit_event (event_id, event_time, request_id, account_id, principal_arn, principal_id, principal_type, user_name, access_key_id, action, event_name, event_source, read_only, resources, source_ip, user_agent, region, decision) values (?, dateadd(second, ?, timestamp with time zone '2026-11-30 00:00:00+00'), 'r', ?, 'arn', 'p', 'IAMUser', 'u', 'AKIA', 'ivs:GetChannel', 'GetChannel', 'ivs.amazonaws.com', true, '[]', '127.0.0.1', 'ua', 'us-east-1', 'ALLOW')")) {
        for (int i = 0; i < 30000; i++) { ps.setString(1, java.util.UUID.randomUUID().toString()); ps.setInt(2, i); ps.setString(3, i % 10 == 0 ? "210987654321" : "123456789012"); ps.addBatch(); } ps.executeBatch(); }
      try (Statement s2 = c.createStatement()) { for (int i = 0; i < 50; i++) s2.execute("insert into live_publisher_lease (channel_arn, node_id, session_id, claimed_at, expires_at, stream_key_arn, started_at, health, viewer_count, stop_requested) values ('c" + i + "', 'n', 's', now(), now(), 'k', now(), 'HEALTHY', 0, false)"); }
      c.commit();
      try (ResultSet r = st.executeQuery("select column_name from information_schema.columns where table_name = 'monitoring_audit_event' order by ordinal_position")) { StringBuilder cols = new StringBuilder(); while (r.next()) cols.append(r.getString(1)).append(' '); System.out.println("audit columns: " + cols); }
      List<String> before = explain(st);
      st.execute("ANALYZE");
      List<String> after = explain(st);
      int diff = 0;
      for (int i = 0; i < Q.length; i++) {
        boolean same = before.get(i).equals(after.get(i));
        if (!same) diff++;
        System.out.println((same ? "SAME  " : "DIFF  ") + Q[i].substring(0, Math.min(90, Q[i].length())));
        System.out.println("   no stats: " + before.get(i).replaceAll("\\s+", " "));
        if (!same) System.out.println("   analyzed: " + after.get(i).replaceAll("\\s+", " "));
      }
      System.out.println(diff + " of " + Q.length + " plans differ");
    }
  }
  static List<String> explain(Statement st) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String q : Q) try (ResultSet r = st.executeQuery("EXPLAIN " + q)) { r.next(); out.add(r.getString(1)); }
    return out;
  }
}

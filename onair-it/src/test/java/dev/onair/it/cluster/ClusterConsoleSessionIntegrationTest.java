package dev.onair.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Console sessions are in the database: a browser signed in through one node is signed in on every node, its CSRF
 * token is valid on every node, and signing out through one node ends it on all of them.
 */
class ClusterConsoleSessionIntegrationTest {
  private static final String ROOT_PASSWORD = "Onair-Cluster-Root-Passw0rd!";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern COOKIE = Pattern.compile("onair_console=([^;]*)");
  private static Cluster cluster;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() {
    cluster = Cluster.start(2, "--root-password", ROOT_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void signedInThroughOneNode_isSignedInOnTheOther_untilSignedOutAnywhere() throws Exception {
    OnairProcess a = cluster.node(0);
    OnairProcess b = cluster.node(1);
    // the sign-in form from B, posted to A: the anonymous session and its CSRF token are shared too
    HttpResponse<String> form = get(b, "/console/signin", null);
    String anonymous = cookie(form);
    HttpResponse<String> signedIn = post(a, "/console/signin", anonymous, Map.of("csrf", csrf(form.body()),
        "kind", "root", "account", OnairProcess.ACCOUNT_ID, "password", ROOT_PASSWORD));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    String session = cookie(signedIn);
    assertThat(session).isNotEqualTo(anonymous);

    HttpResponse<String> home = get(b, "/console/", session);
    assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
    assertThat(home.body()).contains("root").doesNotContain("signin-form");
    assertThat(get(a, "/console/iam/users", session).statusCode()).isEqualTo(200);

    // the database holds a hash of the id, never the id
    assertThat(storedIdHashes()).doesNotContain(session).contains(sha256(session));

    HttpResponse<String> signedOut = post(b, "/console/signout", session, Map.of("csrf", csrf(home.body())));
    assertThat(signedOut.statusCode()).isEqualTo(303);
    HttpResponse<String> after = get(a, "/console/", session);
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/console/signin");
    assertThat(storedIdHashes()).doesNotContain(sha256(session));
  }

  private List<String> storedIdHashes() throws SQLException {
    List<String> hashes = new ArrayList<>();
    // postgresql://user@host:port/db, as the nodes are given it
    Matcher url = Pattern.compile("postgresql://([^@]+)@(.+)").matcher(cluster.databaseUrl());
    assertThat(url.matches()).as(cluster.databaseUrl()).isTrue();
    String jdbcUrl = "jdbc:postgresql://" + url.group(2) + "?user=" + url.group(1);
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        ResultSet rows = connection.createStatement().executeQuery("select id_hash from console_session")) {
      while (rows.next()) {
        hashes.add(rows.getString(1));
      }
    }
    return hashes;
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String csrf(String page) {
    Matcher matcher = CSRF.matcher(page);
    if (!matcher.find()) {
      throw new AssertionError("no CSRF field on the page:\n" + page);
    }
    return matcher.group(1);
  }

  private static String cookie(HttpResponse<String> response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      Matcher matcher = COOKIE.matcher(header);
      if (matcher.find() && !matcher.group(1).isEmpty()) {
        return matcher.group(1);
      }
    }
    throw new AssertionError("no session cookie in " + response.headers().map());
  }

  private HttpResponse<String> get(OnairProcess node, String path, String session) {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.endpoint().resolve(path)).GET();
    if (session != null) {
      request.header("Cookie", "onair_console=" + session);
    }
    return send(request.build());
  }

  private HttpResponse<String> post(OnairProcess node, String path, String session, Map<String, String> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    URI uri = node.endpoint().resolve(path);
    return send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "onair_console=" + session)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

package dev.onair.live.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forwarded-PutMetadata route: inserts only what a node signed, body included; refuses everything else. */
class InternalMetadataTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ARN = "arn:aws:ivs:us-west-2:123456789012:channel/abcd";
  private static final String PATH =
      InternalMetadata.PREFIX + "/" + URLEncoder.encode(ARN, StandardCharsets.UTF_8);

  private final List<String> inserted = new ArrayList<>();
  private final InternalAuth auth = new InternalAuth(filled(7), Clock.fixed(NOW, ZoneOffset.UTC));
  private final InternalMetadata route = new InternalMetadata(auth, (arn, text) -> {
    inserted.add(arn + "=" + text);
    return true;
  }, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void signedRequestIsInserted() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String query = InternalMetadata.bodyQuery(body);
    String sig = auth.sign("POST", PATH, query, NOW.toEpochMilli(), "node");
    assertThat(route.receive(request("POST", PATH, query, body, Long.toString(NOW.toEpochMilli()), sig)).status())
        .isEqualTo(204);
    assertThat(inserted).containsExactly(ARN + "={\"a\":1}");
  }

  @Test
  void refusesWithoutValidSignature_andNeverInserts() {
    byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
    String query = InternalMetadata.bodyQuery(body);
    String date = Long.toString(NOW.toEpochMilli());
    String sig = auth.sign("POST", PATH, query, NOW.toEpochMilli(), "node");
    String otherKey = new InternalAuth(filled(8), Clock.fixed(NOW, ZoneOffset.UTC))
        .sign("POST", PATH, query, NOW.toEpochMilli(), "node");
    String stale = Long.toString(NOW.minusSeconds(31).toEpochMilli());
    String staleSig = auth.sign("POST", PATH, query, NOW.minusSeconds(31).toEpochMilli(), "node");
    assertThat(route.receive(request("POST", PATH, query, body, null, null)).status()).isEqualTo(403);
    assertThat(route.receive(request("POST", PATH, query, body, date, "AAAA")).status()).isEqualTo(403);
    assertThat(route.receive(request("POST", PATH, query, body, date, otherKey)).status()).isEqualTo(403);
    assertThat(route.receive(request("POST", PATH, query, body, stale, staleSig)).status()).isEqualTo(403);
    // a signed request whose body was swapped, or whose query no longer matches the body
    assertThat(route.receive(request("POST", PATH, query, "evil".getBytes(StandardCharsets.UTF_8), date, sig))
        .status()).isEqualTo(403);
    // same signature, another channel
    assertThat(route.receive(request("POST", PATH + "x", query, body, date, sig)).status()).isEqualTo(403);
    assertThat(route.receive(request("GET", PATH, query, body, date, sig)).status()).isEqualTo(403);
    assertThat(inserted).isEmpty();
  }

  @Test
  void notLiveHereIs404() {
    InternalMetadata offline = new InternalMetadata(auth, (arn, text) -> false, Clock.fixed(NOW, ZoneOffset.UTC));
    byte[] body = "x".getBytes(StandardCharsets.UTF_8);
    String query = InternalMetadata.bodyQuery(body);
    String sig = auth.sign("POST", PATH, query, NOW.toEpochMilli(), "node");
    assertThat(offline.receive(request("POST", PATH, query, body, Long.toString(NOW.toEpochMilli()), sig))
        .status()).isEqualTo(404);
  }

  private static HttpRequest request(String method, String path, String query, byte[] body, String date,
      String signature) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry(InternalAuth.VIEWER, "node"));
    if (date != null) {
      headers.add(Map.entry(InternalAuth.DATE, date));
    }
    if (signature != null) {
      headers.add(Map.entry(InternalAuth.SIGNATURE, signature));
    }
    return new HttpRequest(method, path, query, new HttpHeaders(headers), body, "127.0.0.1", false);
  }

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }
}

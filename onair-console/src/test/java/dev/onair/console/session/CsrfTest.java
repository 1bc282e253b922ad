package dev.onair.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CsrfTest {
  private final SessionStore store =
      SessionStore.withDefaults(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC));

  private static HttpRequest post(String... headers) {
    return new HttpRequest("POST", "/console/iam/users/create", "", HttpHeaders.of(headers), new byte[0],
        "127.0.0.1", false);
  }

  @Test
  void valid_withTheSessionsToken() {
    Session session = store.createAnonymous();
    assertThat(Csrf.valid(session, session.csrfToken(), post("Host", "console.example"))).isTrue();
  }

  @Test
  void invalid_withoutOrWithAnotherToken() {
    Session session = store.createAnonymous();
    Session other = store.createAnonymous();
    assertThat(Csrf.valid(session, null, post())).isFalse();
    assertThat(Csrf.valid(session, "", post())).isFalse();
    assertThat(Csrf.valid(session, other.csrfToken(), post())).isFalse();
    assertThat(Csrf.valid(session, session.csrfToken() + "x", post())).isFalse();
    assertThat(Csrf.valid(null, session.csrfToken(), post())).isFalse();
  }

  @Test
  void invalid_fromAnotherOrigin_evenWithTheToken() {
    Session session = store.createAnonymous();
    assertThat(Csrf.valid(session, session.csrfToken(),
        post("Host", "console.example", "Origin", "https://evil.example"))).isFalse();
    assertThat(Csrf.valid(session, session.csrfToken(),
        post("Host", "console.example", "Origin", "null"))).isFalse();
    assertThat(Csrf.valid(session, session.csrfToken(),
        post("Host", "console.example:8080", "Origin", "http://console.example:8080"))).isTrue();
  }

  @Test
  void tokens_areDistinctAnd256Bits() {
    Session a = store.createAnonymous();
    Session b = store.createAnonymous();
    assertThat(a.csrfToken()).isNotEqualTo(b.csrfToken()).hasSize(43);
    assertThat(a.id()).isNotEqualTo(a.csrfToken()).hasSize(43).matches("[A-Za-z0-9_-]+");
  }
}

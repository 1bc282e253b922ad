package dev.onair.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import org.junit.jupiter.api.Test;

class SessionCookieTest {
  @Test
  void set_isHttpOnlyStrictAndScopedToTheConsole() {
    String cookie = SessionCookie.set("abc", false);
    assertThat(cookie).startsWith("onair_console=abc;").contains("; HttpOnly").contains("; SameSite=Strict")
        .contains("; Path=/console/").doesNotContain("Secure").doesNotContain("Max-Age").doesNotContain("Expires");
  }

  @Test
  void set_isSecureUnderTls() {
    assertThat(SessionCookie.set("abc", true)).endsWith("; Secure");
    assertThat(SessionCookie.clear(true)).contains("Max-Age=0").contains("HttpOnly").endsWith("; Secure");
  }

  @Test
  void read_findsOurCookieAmongOthers() {
    HttpRequest request = new HttpRequest("GET", "/console/", "",
        HttpHeaders.of("Cookie", "theme=dark; onair_console=s3ss10n ; other=1"), null, "127.0.0.1", false);
    assertThat(SessionCookie.read(request)).isEqualTo("s3ss10n");
  }

  @Test
  void read_nullWhenAbsentOrEmpty() {
    HttpRequest none = new HttpRequest("GET", "/console/", "", HttpHeaders.of("Cookie", "x=1"), null, "1.2.3.4",
        false);
    HttpRequest empty = new HttpRequest("GET", "/console/", "", HttpHeaders.of("Cookie", "onair_console="), null,
        "1.2.3.4", false);
    assertThat(SessionCookie.read(none)).isNull();
    assertThat(SessionCookie.read(empty)).isNull();
  }
}

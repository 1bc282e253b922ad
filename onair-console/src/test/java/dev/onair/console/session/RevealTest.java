package dev.onair.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevealTest {
  private final InMemorySessionStore store =
      new InMemorySessionStore(new SignInThrottleTest.ManualClock(), Duration.ofMinutes(30), Duration.ofHours(12), 10);

  private static Reveal accessKey() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Access key ID", "AKIAEXAMPLE");
    fields.put("Secret access key", "wJalr/\"EXAMPLE+KEY");
    return new Reveal("accessKey", fields, "alice_accessKeys.csv", "/console/iam/users/alice");
  }

  @Test
  void showReveal_onlyOnce() {
    Session session = store.createAnonymous();
    String id = session.addReveal(accessKey());
    assertThat(session.showReveal(id)).isPresent();
    assertThat(session.showReveal(id)).as("a second view").isEmpty();
    assertThat(session.revealForDownload(id)).as("the open page's .csv").isPresent();
    session.discardReveals();
    assertThat(session.revealForDownload(id)).as("after leaving the page").isEmpty();
  }

  @Test
  void csv_quotesEveryCell() {
    assertThat(accessKey().csv())
        .isEqualTo("\"Access key ID\",\"Secret access key\"\r\n\"AKIAEXAMPLE\",\"wJalr/\"\"EXAMPLE+KEY\"\r\n");
  }

  @Test
  void csv_keepsSpreadsheetsFromEvaluatingACell() {
    Reveal reveal = new Reveal("password", Map.of("Password", "=HYPERLINK(\"x\")"), "a.csv", "/");
    assertThat(reveal.csv()).contains("\"'=HYPERLINK(\"\"x\"\")\"");
  }

  @Test
  void toString_namesFieldsNotValues() {
    assertThat(accessKey().toString()).contains("Secret access key").doesNotContain("EXAMPLE+KEY");
  }
}

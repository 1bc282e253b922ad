package dev.onair.live.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlaybackRestrictionsTest {
  private static final String ARN = "arn:aws:ivs:us-east-1:123456789012:playback-restriction-policy/abcdABCD1234";
  private static final String SITE = "https://watch.example.com";
  private static final Map<String, PlaybackRestrictionPolicy> POLICIES = new ConcurrentHashMap<>();

  private static PlaybackRestrictions restrictions(List<String> countries, List<String> origins, boolean strict,
      String countryHeader) {
    POLICIES.put(ARN, new PlaybackRestrictionPolicy(ARN, "p", countries, origins, strict,
        Instant.parse("2024-01-01T00:00:00Z")));
    return new PlaybackRestrictions(arn -> Optional.ofNullable(POLICIES.get(arn)), countryHeader,
        Clock.systemUTC());
  }

  static Stream<Arguments> cases() {
    List<String> none = List.of();
    List<String> site = List.of(SITE, "https://*.partner.org");
    String hdr = "CloudFront-Viewer-Country";
    return Stream.of(
        // countries, origins, strict, header configured, origin, country, expected (ACAO or DENY)
        Arguments.of(none, none, false, null, null, null, "*"),
        Arguments.of(none, none, true, null, "https://evil.com", null, "*"),
        Arguments.of(none, site, false, null, SITE, null, SITE),
        Arguments.of(none, site, false, null, "HTTPS://WATCH.EXAMPLE.COM", null, "HTTPS://WATCH.EXAMPLE.COM"),
        Arguments.of(none, site, false, null, "https://evil.com", null, null),
        Arguments.of(none, site, false, null, null, null, null),
        Arguments.of(none, site, true, null, "https://evil.com", null, "DENY"),
        Arguments.of(none, site, true, null, null, null, "DENY"),
        Arguments.of(none, site, true, null, SITE, null, SITE),
        Arguments.of(none, site, true, null, "https://a.partner.org", null, "https://a.partner.org"),
        Arguments.of(none, site, true, null, "https://partner.org", null, "DENY"),
        Arguments.of(none, site, true, null, "https://a.partner.org.evil.com", null, "DENY"),
        Arguments.of(none, List.of("*"), true, null, "https://any.com", null, "*"),
        // Countries: only with a configured trusted header and a value in the request.
        Arguments.of(List.of("US", "CA"), none, false, null, null, "FR", "*"),
        Arguments.of(List.of("US", "CA"), none, false, hdr, null, null, "*"),
        Arguments.of(List.of("US", "CA"), none, false, hdr, null, "FR", "DENY"),
        Arguments.of(List.of("US", "CA"), none, false, hdr, null, "us", "*"),
        Arguments.of(List.of("US"), site, true, hdr, SITE, "FR", "DENY"),
        Arguments.of(List.of("US"), site, true, hdr, SITE, "US", SITE));
  }

  @ParameterizedTest(name = "[{index}] countries={0} origins={1} strict={2} header={3} origin={4} country={5}")
  @MethodSource("cases")
  void check(List<String> countries, List<String> origins, boolean strict, String header, String origin,
      String country, String expected) {
    PlaybackRestrictions.Verdict verdict = restrictions(countries, origins, strict, header).check(ARN, origin,
        country);
    if (expected != null && expected.equals("DENY")) {
      assertThat(verdict).isInstanceOf(PlaybackRestrictions.Deny.class);
    } else {
      assertThat(verdict).isEqualTo(new PlaybackRestrictions.Allow(expected));
    }
  }

  @Test
  void noPolicyOrDeletedPolicy_allowsEverything() {
    PlaybackRestrictions restrictions = restrictions(List.of("US"), List.of(SITE), true, "X-Country");
    assertThat(restrictions.check("", "https://evil.com", "FR")).isEqualTo(new PlaybackRestrictions.Allow("*"));
    assertThat(restrictions.check(ARN + "gone", null, null)).isEqualTo(new PlaybackRestrictions.Allow("*"));
    assertThat(PlaybackRestrictions.none().check(ARN, null, null)).isEqualTo(new PlaybackRestrictions.Allow("*"));
  }

  @Test
  void policiesAreCachedBriefly() {
    AtomicInteger lookups = new AtomicInteger();
    Instant[] now = {Instant.parse("2025-01-01T00:00:00Z")};
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    PlaybackRestrictions restrictions = new PlaybackRestrictions(arn -> {
      lookups.incrementAndGet();
      return Optional.empty();
    }, null, clock);
    for (int i = 0; i < 10; i++) {
      restrictions.check(ARN, null, null);
    }
    assertThat(lookups).hasValue(1);
    now[0] = now[0].plusMillis(PlaybackRestrictions.CACHE_MILLIS);
    restrictions.check(ARN, null, null);
    assertThat(lookups).hasValue(2);
  }

  @Test
  void restrictOrigin_narrowsSuccessOnly() {
    HttpResponse ok = PlaybackResponses.media(200, "video/mp2t", new byte[1], PlaybackResponses.IMMUTABLE, "*");
    HttpResponse narrowed = PlaybackResponses.restrictOrigin(ok, SITE);
    assertThat(narrowed.headers().get("Access-Control-Allow-Origin")).isEqualTo(SITE);
    assertThat(narrowed.headers().get("Vary")).isEqualTo("Origin");
    assertThat(narrowed.headers().get("Content-Type")).isEqualTo("video/mp2t");
    assertThat(PlaybackResponses.restrictOrigin(ok, null).headers().contains("Access-Control-Allow-Origin"))
        .isFalse();
    HttpResponse tokenRefused = new HttpResponse(200, HttpHeaders.of("Content-Type", "x"), new byte[0]);
    assertThat(PlaybackResponses.restrictOrigin(tokenRefused, SITE).headers()
        .contains("Access-Control-Allow-Origin")).isFalse();
    HttpResponse error = PlaybackResponses.error(404, "gone");
    assertThat(PlaybackResponses.restrictOrigin(error, null)).isSameAs(error);
  }
}

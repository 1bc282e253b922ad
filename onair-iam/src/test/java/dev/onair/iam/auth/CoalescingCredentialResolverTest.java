package dev.onair.iam.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.iam.model.AccessKey;
import dev.onair.iam.model.AccessKeyStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Deterministic: uses carry explicit instants and {@link CoalescingCredentialResolver#flush} is called by hand. */
class CoalescingCredentialResolverTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  record Use(String key, String service, long second) {}

  record Write(String key, String service, String region, Instant when) {}

  /** Records the writes that a flush sends to storage. */
  private static final class Storage implements CredentialResolver {
    final List<Write> writes = new ArrayList<>();
    boolean failing;

    @Override
    public Optional<ResolvedCredential> resolve(String accessKeyId) {
      return Optional.empty();
    }

    @Override
    public void recordUse(String accessKeyId, String serviceName, String region, Instant when) {
      if (failing) {
        throw new IllegalStateException("database down");
      }
      writes.add(new Write(accessKeyId, serviceName, region, when));
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no use, no write", List.of(), List.of()),
        Arguments.of("one use", List.of(new Use("AKIA1", "ivs", 1)), List.of(new Use("AKIA1", "ivs", 1))),
        Arguments.of("many uses of a key, one write of the latest",
            List.of(new Use("AKIA1", "ivs", 1), new Use("AKIA1", "iam", 2), new Use("AKIA1", "sts", 3)),
            List.of(new Use("AKIA1", "sts", 3))),
        Arguments.of("a late-finishing older request does not win",
            List.of(new Use("AKIA1", "iam", 5), new Use("AKIA1", "ivs", 4)),
            List.of(new Use("AKIA1", "iam", 5))),
        Arguments.of("one write per key",
            List.of(new Use("AKIA1", "ivs", 1), new Use("ASIA2", "sts", 2), new Use("AKIA1", "ivs", 3)),
            List.of(new Use("AKIA1", "ivs", 3), new Use("ASIA2", "sts", 2))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flushWritesTheLatestUseOfEachKeyOnce(String name, List<Use> uses, List<Use> expected) {
    Storage storage = new Storage();
    CoalescingCredentialResolver resolver = new CoalescingCredentialResolver(storage);
    uses.forEach(use -> resolver.recordUse(use.key(), use.service(), "us-west-2", T0.plusSeconds(use.second())));

    assertThat(storage.writes).as("nothing is written on the request path").isEmpty();
    assertThat(resolver.flush().written()).isEqualTo(expected.size());

    assertThat(storage.writes).containsExactlyInAnyOrderElementsOf(expected.stream()
        .map(use -> new Write(use.key(), use.service(), "us-west-2", T0.plusSeconds(use.second()))).toList());
    assertThat(resolver.flush().written()).as("a second flush has nothing left").isZero();
  }

  @Test
  void failedWritesStayPendingForTheNextFlush() {
    Storage storage = new Storage();
    CoalescingCredentialResolver resolver = new CoalescingCredentialResolver(storage);
    resolver.recordUse("AKIA1", "ivs", "us-west-2", T0);
    storage.failing = true;

    CoalescingCredentialResolver.Flushed failed = resolver.flush();

    assertThat(failed.failed()).isEqualTo(1);
    assertThat(failed.firstFailure()).hasMessage("database down");
    storage.failing = false;
    assertThat(resolver.flush().written()).isEqualTo(1);
    assertThat(storage.writes).containsExactly(new Write("AKIA1", "ivs", "us-west-2", T0));
  }

  static Stream<Arguments> overlays() {
    // stored last use (seconds after T0, null = never), pending use (null = none) -> last use shown
    return Stream.of(
        Arguments.of(null, null, null),
        Arguments.of(5L, null, 5L),
        Arguments.of(null, 7L, 7L),
        Arguments.of(5L, 7L, 7L),
        Arguments.of(9L, 7L, 9L));
  }

  @ParameterizedTest(name = "stored {0}, pending {1} -> {2}")
  @MethodSource("overlays")
  void readsOnThisNodeSeeThePendingUseWhenNewer(Long stored, Long pending, Long shown) {
    CoalescingCredentialResolver resolver = new CoalescingCredentialResolver(new Storage());
    if (pending != null) {
      resolver.recordUse("AKIA1", "pending-service", "eu-west-1", T0.plusSeconds(pending));
    }
    AccessKey key = new AccessKey("AKIA1", "123456789012", "AIDA1", "alice", AccessKeyStatus.Active, T0,
        stored == null ? null : T0.plusSeconds(stored), stored == null ? null : "stored-service",
        stored == null ? null : "us-west-2");

    AccessKey read = resolver.overlay(key);

    assertThat(read.lastUsedDate()).isEqualTo(shown == null ? null : T0.plusSeconds(shown));
    if (shown != null && shown.equals(pending) && !shown.equals(stored)) {
      assertThat(read.lastUsedService()).isEqualTo("pending-service");
      assertThat(read.lastUsedRegion()).isEqualTo("eu-west-1");
    } else {
      assertThat(read).isEqualTo(key);
    }
  }
}

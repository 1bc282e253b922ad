package dev.onair.iam.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.Caller;
import dev.onair.protocol.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Deterministic: a manual nanosecond clock and a settable generation. */
class CachingCredentialResolverTest {
  private static final Duration MAX_AGE = Duration.ofSeconds(1);
  private static final long MS = 1_000_000L;

  /** The database: credentials by key id, counting reads. */
  private static final class Storage implements CredentialResolver {
    final Map<String, ResolvedCredential> keys = new HashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<ResolvedCredential> resolve(String accessKeyId) {
      reads.incrementAndGet();
      return Optional.ofNullable(keys.get(accessKeyId));
    }

    @Override
    public void recordUse(String accessKeyId, String serviceName, String region, Instant when) {}
  }

  private final Storage storage = new Storage();
  private long nanos = 0;
  private long generation = 1;
  private final CachingCredentialResolver cache =
      new CachingCredentialResolver(storage, () -> generation, MAX_AGE, () -> nanos);

  /** What happens between a first (loading) resolve and a second one. */
  enum Between { NOTHING, AGE_JUST_UNDER_BOUND, AGE_AT_BOUND, GENERATION_BUMPED, INVALIDATED, OTHER_KEY_INVALIDATED }

  static Stream<Arguments> cases() {
    // what happens in between -> does the second resolve read storage again?
    return Stream.of(
        Arguments.of(Between.NOTHING, false),
        Arguments.of(Between.AGE_JUST_UNDER_BOUND, false),
        Arguments.of(Between.AGE_AT_BOUND, true),
        Arguments.of(Between.GENERATION_BUMPED, true),
        Arguments.of(Between.INVALIDATED, true),
        Arguments.of(Between.OTHER_KEY_INVALIDATED, false));
  }

  @ParameterizedTest(name = "{0} -> reads again: {1}")
  @MethodSource("cases")
  void anEntryServesOnlyWithinItsAgeAndGeneration(Between between, boolean readsAgain) {
    storage.keys.put("AKIA1", credential("alice", true));
    assertThat(cache.resolve("AKIA1")).isPresent();
    switch (between) {
      case NOTHING -> {}
      case AGE_JUST_UNDER_BOUND -> nanos += MAX_AGE.toNanos() - 1;
      case AGE_AT_BOUND -> nanos += MAX_AGE.toNanos();
      case GENERATION_BUMPED -> generation++;
      case INVALIDATED -> cache.invalidate("AKIA1");
      case OTHER_KEY_INVALIDATED -> cache.invalidate("AKIA2");
    }

    assertThat(cache.resolve("AKIA1")).isPresent();

    assertThat(storage.reads).hasValue(readsAgain ? 2 : 1);
  }

  @Test
  void aDeactivatedKeyIsSeenAtOnceAfterInvalidation() {
    storage.keys.put("AKIA1", credential("alice", true));
    cache.resolve("AKIA1");
    storage.keys.put("AKIA1", credential("alice", false));
    cache.invalidate("AKIA1");

    assertThat(cache.resolve("AKIA1")).get().extracting(ResolvedCredential::active).isEqualTo(false);
  }

  @Test
  void aDeletedKeyChangedOnAnotherNodeIsRefusedOnceTheBoundHasPassed() {
    storage.keys.put("AKIA1", credential("alice", true));
    cache.resolve("AKIA1");
    storage.keys.remove("AKIA1");
    nanos += 999 * MS;
    assertThat(cache.resolve("AKIA1")).as("within the bound").isPresent();

    nanos += MS;

    assertThat(cache.resolve("AKIA1")).isEmpty();
  }

  @Test
  void unknownKeysAreNotCachedSoANewKeySignsAtOnce() {
    assertThat(cache.resolve("AKIA1")).isEmpty();
    storage.keys.put("AKIA1", credential("alice", true));

    assertThat(cache.resolve("AKIA1")).isPresent();
  }

  @Test
  void aZeroMaxAgeReadsEveryTime() {
    CachingCredentialResolver uncached =
        new CachingCredentialResolver(storage, () -> generation, Duration.ZERO, () -> nanos);
    storage.keys.put("AKIA1", credential("alice", true));
    uncached.resolve("AKIA1");
    uncached.resolve("AKIA1");

    assertThat(storage.reads).hasValue(2);
  }

  private static ResolvedCredential credential(String user, boolean active) {
    Caller caller = new Caller(Caller.CallerType.USER, "123456789012", "arn:aws:iam::123456789012:user/" + user,
        "AIDA" + user, user, "AKIA1", null, null, null, Map.of());
    return new ResolvedCredential(caller, Secret.of("secret"), active, null, null);
  }
}

package dev.onair.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.iam.auth.PrincipalPolicies;
import dev.onair.iam.auth.PrincipalPolicyResolver;
import dev.onair.protocol.Caller;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedGenerationResolverTest {
  /** A store whose generation the test changes, counting how often it is asked. */
  private static final class FakeStore implements PrincipalPolicyResolver {
    final AtomicLong generation = new AtomicLong();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public PrincipalPolicies policiesFor(Caller caller) {
      return new PrincipalPolicies(List.of(), null, List.of(), false);
    }

    @Override
    public long generation() {
      reads.incrementAndGet();
      return generation.get();
    }
  }

  private final FakeStore store = new FakeStore();
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final AtomicLong localChanges = new AtomicLong();

  @Test
  void generation_withinTtl_isReusedWithoutAQuery() {
    CachedGenerationResolver resolver = new CachedGenerationResolver(store, Duration.ofSeconds(1), localChanges::get, nanos::get);
    assertThat(resolver.generation()).isZero();
    store.generation.set(7);
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(resolver.generation()).isZero();
    assertThat(store.reads).hasValue(1);
  }

  @Test
  void generation_atTheTtl_seesAnotherNodesChange() {
    CachedGenerationResolver resolver = new CachedGenerationResolver(store, Duration.ofSeconds(1), localChanges::get, nanos::get);
    resolver.generation();
    store.generation.set(7);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(resolver.generation()).isEqualTo(7);
    assertThat(store.reads).hasValue(2);
  }

  @Test
  void generation_zeroTtl_readsEveryTime() {
    CachedGenerationResolver resolver = new CachedGenerationResolver(store, Duration.ZERO, localChanges::get, nanos::get);
    resolver.generation();
    store.generation.set(3);
    assertThat(resolver.generation()).isEqualTo(3);
    assertThat(store.reads).hasValue(2);
  }

  @Test
  void generation_afterAChangeCommittedByThisProcess_isReadAgainAtOnce() {
    CachedGenerationResolver resolver =
        new CachedGenerationResolver(store, Duration.ofSeconds(1), localChanges::get, nanos::get);
    assertThat(resolver.generation()).isZero();
    store.generation.set(5);
    localChanges.incrementAndGet();
    assertThat(resolver.generation()).isEqualTo(5);
    assertThat(resolver.generation()).isEqualTo(5);
    assertThat(store.reads).hasValue(2);
  }

  @Test
  void generation_readWhileALocalChangeCommits_isNotReusedAfterIt() {
    // the change commits while the read runs: the reading may hold either value, and must not outlive the bump
    PrincipalPolicyResolver racing = new PrincipalPolicyResolver() {
      @Override
      public PrincipalPolicies policiesFor(Caller caller) {
        return store.policiesFor(caller);
      }

      @Override
      public long generation() {
        long value = store.generation();
        store.generation.set(9);
        localChanges.incrementAndGet();
        return value;
      }
    };
    CachedGenerationResolver resolver =
        new CachedGenerationResolver(racing, Duration.ofSeconds(1), localChanges::get, nanos::get);
    assertThat(resolver.generation()).isZero();
    assertThat(store.generation()).isEqualTo(9);
    assertThat(resolver.generation()).isEqualTo(9);
  }
}

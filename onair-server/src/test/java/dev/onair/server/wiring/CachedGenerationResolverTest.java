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

  @Test
  void generation_withinTtl_isReusedWithoutAQuery() {
    CachedGenerationResolver resolver = new CachedGenerationResolver(store, Duration.ofSeconds(1), nanos::get);
    assertThat(resolver.generation()).isZero();
    store.generation.set(7);
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(resolver.generation()).isZero();
    assertThat(store.reads).hasValue(1);
  }

  @Test
  void generation_atTheTtl_seesAnotherNodesChange() {
    CachedGenerationResolver resolver = new CachedGenerationResolver(store, Duration.ofSeconds(1), nanos::get);
    resolver.generation();
    store.generation.set(7);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(resolver.generation()).isEqualTo(7);
    assertThat(store.reads).hasValue(2);
  }

  @Test
  void generation_zeroTtl_readsEveryTime() {
    CachedGenerationResolver resolver = new CachedGenerationResolver(store, Duration.ZERO, nanos::get);
    resolver.generation();
    store.generation.set(3);
    assertThat(resolver.generation()).isEqualTo(3);
    assertThat(store.reads).hasValue(2);
  }
}

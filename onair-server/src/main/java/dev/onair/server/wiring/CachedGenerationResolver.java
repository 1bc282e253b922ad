package dev.onair.server.wiring;

import static java.util.Objects.requireNonNull;

import dev.onair.iam.auth.PrincipalPolicies;
import dev.onair.iam.auth.PrincipalPolicyResolver;
import dev.onair.protocol.Caller;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Reuses the policy generation read from the database for {@code ttl}, so that a busy node does not query it on
 * every request. This is the documented bound on cross-node invalidation: a policy change committed through any
 * node is enforced by every node at most {@code ttl} later (AWS IAM is itself eventually consistent). A zero TTL
 * reads the generation per request (bound 0), the embedded default, where the read costs microseconds.
 */
public final class CachedGenerationResolver implements PrincipalPolicyResolver {
  private record Reading(long generation, long readAtNanos) {}

  private final PrincipalPolicyResolver delegate;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private volatile Reading last;

  public CachedGenerationResolver(PrincipalPolicyResolver delegate, Duration ttl) {
    this(delegate, ttl, System::nanoTime);
  }

  CachedGenerationResolver(PrincipalPolicyResolver delegate, Duration ttl, LongSupplier nanoTime) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.ttlNanos = requireNonNull(ttl, "ttl is null").toNanos();
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
  }

  /** The same TTL rule for a bare generation read (the credential cache's), without a policy resolver. */
  public static LongSupplier cached(LongSupplier read, Duration ttl) {
    requireNonNull(read, "read is null");
    PrincipalPolicyResolver generationOnly = new PrincipalPolicyResolver() {
      @Override
      public PrincipalPolicies policiesFor(Caller caller) {
        throw new UnsupportedOperationException("generation only");
      }

      @Override
      public long generation() {
        return read.getAsLong();
      }
    };
    return new CachedGenerationResolver(generationOnly, ttl)::generation;
  }

  @Override
  public PrincipalPolicies policiesFor(Caller caller) {
    return delegate.policiesFor(caller);
  }

  @Override
  public long generation() {
    if (ttlNanos == 0) {
      return delegate.generation();
    }
    long now = nanoTime.getAsLong();
    Reading reading = last;
    if (reading == null || now - reading.readAtNanos() >= ttlNanos) {
      // several threads may refresh at once after expiry; each reads a correct value, so no lock is needed
      reading = new Reading(delegate.generation(), now);
      last = reading;
    }
    return reading.generation();
  }
}

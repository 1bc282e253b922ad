package dev.onair.server.wiring;

import static java.util.Objects.requireNonNull;

import dev.onair.iam.auth.PrincipalPolicies;
import dev.onair.iam.auth.PrincipalPolicyResolver;
import dev.onair.protocol.Caller;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Reuses the policy generation read from the database, so that a busy node does not query it on every request.
 * A reading serves while both hold:
 *
 * <ul>
 *   <li>it is younger than {@code ttl}: the documented bound on cross-node invalidation, a policy change committed
 *       through another node is enforced here at most {@code ttl} later (AWS IAM is itself eventually consistent);
 *   <li>this process has committed no IAM change since the read started ({@code localChanges}, bumped after each
 *       commit that bumps the generation), so a change made through this node is enforced on its next request.
 * </ul>
 *
 * A zero TTL reads the generation per request (bound 0 everywhere).
 */
public final class CachedGenerationResolver implements PrincipalPolicyResolver {
  private record Reading(long generation, long readAtNanos, long localChanges) {}

  private final PrincipalPolicyResolver delegate;
  private final long ttlNanos;
  private final LongSupplier localChanges;
  private final LongSupplier nanoTime;
  private volatile Reading last;

  public CachedGenerationResolver(PrincipalPolicyResolver delegate, Duration ttl, LongSupplier localChanges) {
    this(delegate, ttl, localChanges, System::nanoTime);
  }

  CachedGenerationResolver(
      PrincipalPolicyResolver delegate, Duration ttl, LongSupplier localChanges, LongSupplier nanoTime) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.ttlNanos = requireNonNull(ttl, "ttl is null").toNanos();
    this.localChanges = requireNonNull(localChanges, "localChanges is null");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
  }

  /** The same rule for a bare generation read (the credential cache's), without a policy resolver. */
  public static LongSupplier cached(LongSupplier read, Duration ttl, LongSupplier localChanges) {
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
    return new CachedGenerationResolver(generationOnly, ttl, localChanges)::generation;
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
    // read before the database: a change committed during the read leaves the reading already stale
    long changes = localChanges.getAsLong();
    long now = nanoTime.getAsLong();
    Reading reading = last;
    if (reading == null || reading.localChanges() != changes || now - reading.readAtNanos() >= ttlNanos) {
      // several threads may refresh at once; each reads a correct value, so no lock is needed
      reading = new Reading(delegate.generation(), now, changes);
      last = reading;
    }
    return reading.generation();
  }
}

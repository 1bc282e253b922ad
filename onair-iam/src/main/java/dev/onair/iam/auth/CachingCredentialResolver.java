package dev.onair.iam.auth;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Reuses a resolved credential for a short time, so that a signed request does not read the access key (and
 * decrypt its secret), the user and the user's tags on every call. An entry serves only while both hold:
 *
 * <ul>
 *   <li>it is younger than {@code maxAge}: the bound after which a change made through another node (key
 *       deactivated or deleted) is seen here, the same bound as the policy cache's on PostgreSQL;
 *   <li>the IAM generation is the one it was read under: user and role changes (rename, delete, tags, boundary)
 *       bump it in their transaction, so they are seen as soon as the generation read is.
 * </ul>
 *
 * <p>Key status changes and deletions made through this node call {@link #invalidate} after their commit, so
 * this node refuses a deactivated or deleted key at once. Unknown keys are never cached, so a key created on any
 * node signs at once everywhere. The decrypted secret stays in memory for at most {@code maxAge} (the SigV4
 * signing-key cache already holds keys derived from it for longer).
 */
public final class CachingCredentialResolver implements CredentialResolver {
  /** Bounds memory if many distinct keys are used within maxAge; a full cache starts over. */
  static final int MAX_ENTRIES = 10_000;

  private record Entry(ResolvedCredential credential, long generation, long loadedAtNanos) {}

  private final CredentialResolver delegate;
  private final LongSupplier generation;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  // bumped by every invalidation: a load that raced with one is not stored, so it cannot resurrect the old state
  private final AtomicLong invalidations = new AtomicLong();

  public CachingCredentialResolver(CredentialResolver delegate, LongSupplier generation, Duration maxAge) {
    this(delegate, generation, maxAge, System::nanoTime);
  }

  CachingCredentialResolver(
      CredentialResolver delegate, LongSupplier generation, Duration maxAge, LongSupplier nanoTime) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.generation = requireNonNull(generation, "generation is null");
    this.maxAgeNanos = requireNonNull(maxAge, "maxAge is null").toNanos();
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
  }

  @Override
  public Optional<ResolvedCredential> resolve(String accessKeyId) {
    if (maxAgeNanos <= 0 || accessKeyId == null) {
      return delegate.resolve(accessKeyId);
    }
    // read before the load: an entry is tagged with a generation no newer than the data it holds
    long epoch = invalidations.get();
    long currentGeneration = generation.getAsLong();
    long now = nanoTime.getAsLong();
    Entry entry = entries.get(accessKeyId);
    if (entry != null && entry.generation() == currentGeneration && now - entry.loadedAtNanos() < maxAgeNanos) {
      return Optional.of(entry.credential());
    }
    Optional<ResolvedCredential> loaded = delegate.resolve(accessKeyId);
    if (loaded.isEmpty()) {
      entries.remove(accessKeyId);
      return loaded;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(accessKeyId, new Entry(loaded.get(), currentGeneration, now));
    if (invalidations.get() != epoch) {
      // an invalidation ran while we loaded: what we read may predate it
      entries.remove(accessKeyId);
    }
    return loaded;
  }

  /** Forgets {@code accessKeyId}; call after a change to the key (status, deletion) has committed. */
  public void invalidate(String accessKeyId) {
    invalidations.incrementAndGet();
    entries.remove(accessKeyId);
  }

  @Override
  public void recordUse(String accessKeyId, String serviceName, String region, Instant when) {
    delegate.recordUse(accessKeyId, serviceName, region, when);
  }
}

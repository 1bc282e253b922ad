package dev.onair.iam.auth;

import static java.util.Objects.requireNonNull;

import dev.onair.iam.model.AccessKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes the "last used" write off the request path: every authenticated request used to update its access key's
 * row (a durable commit per call, even for read-only calls). Now the latest use of each key is kept in memory and
 * {@link #flush} writes it, one write per key used since the last flush; the composition root flushes every few
 * seconds and on shutdown.
 *
 * <p>Bound: the stored last use lags the real one by at most the flush interval, and a SIGKILL loses at most that
 * interval's uses (the previous value stays). AWS itself reports last use with hour-level granularity. The node
 * that served the request shows the pending value at once ({@link #overlay}), so GetAccessKeyLastUsed on the
 * same node reads its own requests.
 */
public final class CoalescingCredentialResolver implements CredentialResolver {
  /** The latest use of one key not yet written. */
  public record PendingUse(String serviceName, String region, Instant when) {}

  /** What a flush did; {@code firstFailure} is null when every write succeeded. */
  public record Flushed(int written, int failed, RuntimeException firstFailure) {}

  private final CredentialResolver delegate;
  // one entry per key used since the last flush: bounded by the number of keys that exist (resolve came first)
  private final Map<String, PendingUse> pending = new ConcurrentHashMap<>();

  public CoalescingCredentialResolver(CredentialResolver delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  @Override
  public Optional<ResolvedCredential> resolve(String accessKeyId) {
    return delegate.resolve(accessKeyId);
  }

  @Override
  public void recordUse(String accessKeyId, String serviceName, String region, Instant when) {
    if (accessKeyId == null || when == null) {
      return;
    }
    // requests finish out of order across worker threads: keep the latest, not the last to arrive
    pending.merge(accessKeyId, new PendingUse(serviceName, region, when),
        (old, use) -> use.when().isBefore(old.when()) ? old : use);
  }

  /** The use of {@code accessKeyId} recorded on this node and not yet written, if any. */
  public Optional<PendingUse> pending(String accessKeyId) {
    return Optional.ofNullable(pending.get(accessKeyId));
  }

  /** {@code key} with this node's pending use when it is newer than the stored one. */
  public AccessKey overlay(AccessKey key) {
    PendingUse use = pending.get(key.accessKeyId());
    if (use == null || (key.lastUsedDate() != null && !use.when().isAfter(key.lastUsedDate()))) {
      return key;
    }
    return new AccessKey(key.accessKeyId(), key.accountId(), key.userId(), key.userName(), key.status(),
        key.createDate(), use.when(), use.serviceName(), use.region());
  }

  /**
   * Writes every pending use through the delegate. A use recorded during the flush stays pending for the next
   * one; a failed write stays pending too (retried next time), and is reported for the caller to log.
   */
  public Flushed flush() {
    int written = 0;
    int failed = 0;
    RuntimeException firstFailure = null;
    for (Map.Entry<String, PendingUse> entry : pending.entrySet()) {
      PendingUse use = entry.getValue();
      try {
        delegate.recordUse(entry.getKey(), use.serviceName(), use.region(), use.when());
      } catch (RuntimeException e) {
        failed++;
        firstFailure = firstFailure == null ? e : firstFailure;
        continue;
      }
      pending.remove(entry.getKey(), use);
      written++;
    }
    return new Flushed(written, failed, firstFailure);
  }
}

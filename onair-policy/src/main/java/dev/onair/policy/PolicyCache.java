package dev.onair.policy;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compiled policy sets per principal. Callers invalidate a principal whenever something that feeds its set changes
 * (attach/detach, new default version, group membership, boundary, tags); a policy change that touches many
 * principals can simply {@link #invalidateAll()}.
 *
 * <p>Loading and invalidation of one key are serialised by the map, so an invalidation that races a load removes
 * the possibly stale result instead of being overwritten by it.
 */
public final class PolicyCache<K> {
    private final ConcurrentHashMap<K, CompiledPolicySet> entries = new ConcurrentHashMap<>();

    public CompiledPolicySet get(K principalKey, Supplier<PolicySet> loader) {
        Objects.requireNonNull(principalKey, "principalKey is null");
        return entries.computeIfAbsent(principalKey, key -> loader.get().compile());
    }

    public void invalidate(K principalKey) {
        entries.remove(principalKey);
    }

    public void invalidateAll() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}

package dev.onair.protocol;

import java.util.function.Supplier;

/**
 * Hands what a call's authorization read to the same call's handler, so that a Get reads its resource once
 * instead of once for the check's resource tags and again for the answer.
 *
 * <p>The front door runs a call's {@link Operation#authorization() checks} and then its {@link Operation#handler()
 * handler} back to back on one thread, so a thread-local slot carries the value across. It is keyed by the call's
 * {@link CallContext} instance and the resource: a handler only ever takes what its own call's checks put there,
 * and reads for itself whenever the slot holds anything else (nothing put, another call's value left by a denied
 * check, a handler run on another thread). One read per call, the same rows for the decision and the answer, as
 * though both happened at the moment of that read; a value is never used outside its own call, so it cannot
 * serve stale data to a later one (nor, in a cluster, hide another node's write from one).
 */
public final class CallMemo<T> {
  private record Entry<T>(CallContext context, String key, T value) {}

  private final ThreadLocal<Entry<T>> slot = new ThreadLocal<>();

  /** The value read for {@code key} while authorizing {@code context}'s call. */
  public T put(CallContext context, String key, T value) {
    slot.set(new Entry<>(context, key, value));
    return value;
  }

  /** What this call's checks put for {@code key}, else {@code read}'s value; either way the slot is emptied. */
  public T take(CallContext context, String key, Supplier<T> read) {
    Entry<T> entry = slot.get();
    slot.remove();
    if (entry != null && entry.context() == context && entry.key().equals(key)) {
      return entry.value();
    }
    return read.get();
  }
}

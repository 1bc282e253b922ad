package dev.onair.server.http;

import java.util.function.Supplier;

/**
 * Marks the thread while the event loop runs a request itself, so that what it reaches can tell: the embedded
 * store gives such reads connections of their own (they must never queue behind writers for the shared pool).
 */
public final class InlineRequests {
  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private InlineRequests() {}

  /** True on an event loop thread while it serves a request inline. */
  public static boolean inProgress() {
    return ACTIVE.get() != null;
  }

  /** Runs {@code work} with the thread marked; the dispatcher's inline path (and tests of what reads the mark). */
  public static <T> T run(Supplier<T> work) {
    ACTIVE.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      ACTIVE.remove();
    }
  }
}

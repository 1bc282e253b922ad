package dev.onair.console.session;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in one node's memory, keyed by their random id (a single node, and unit tests; a cluster uses
 * {@link SharedSessionStore}). A session ends after {@code idleTimeout} without a request or
 * {@code maxLifetime} after it began, whichever comes first (AWS's console also caps sessions at 12 hours). The
 * store is bounded; see {@link #evict()} for who makes room.
 */
public final class InMemorySessionStore implements SessionStore {
  private final Clock clock;
  private final Duration idleTimeout;
  private final Duration maxLifetime;
  private final int capacity;
  private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

  public InMemorySessionStore(Clock clock, Duration idleTimeout, Duration maxLifetime, int capacity) {
    this.clock = requireNonNull(clock, "clock is null");
    this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout is null");
    this.maxLifetime = requireNonNull(maxLifetime, "maxLifetime is null");
    this.capacity = capacity;
  }

  public static InMemorySessionStore withDefaults(Clock clock) {
    return new InMemorySessionStore(clock, Duration.ofMinutes(60), Duration.ofHours(12), 10_000);
  }

  /** A fresh anonymous session, for the sign-in form's CSRF token. */
  @Override
  public Session createAnonymous() {
    return add(Session.State.ANONYMOUS, null);
  }

  /** A fresh session for a principal who just proved their password; the old session (if any) is ended. */
  @Override
  public Session signIn(Session previous, SignedIn principal, boolean passwordChangeRequired) {
    if (previous != null) {
      sessions.remove(previous.id());
    }
    return add(
        passwordChangeRequired ? Session.State.PASSWORD_CHANGE_REQUIRED : Session.State.SIGNED_IN, principal);
  }

  @Override
  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    session.touch(now);
    return Optional.of(session);
  }

  @Override
  public void end(Session session) {
    sessions.remove(session.id());
  }

  public int size() {
    return sessions.size();
  }

  private Session add(Session.State state, SignedIn principal) {
    if (sessions.size() >= capacity) {
      evict();
    }
    Instant now = clock.instant();
    Session session = new Session(Tokens.random256(), Tokens.random256(), now, state, principal);
    sessions.put(session.id(), session);
    return session;
  }

  /**
   * Expired sessions first, then anonymous ones (anyone can make those by loading the sign-in page, so they must
   * never push out a signed-in user), then the least recently used.
   */
  private void evict() {
    Instant now = clock.instant();
    sessions.values().removeIf(session -> expired(session, now));
    while (sessions.size() >= capacity) {
      sessions.values().stream()
          .min(Comparator.comparing((Session session) -> session.state() != Session.State.ANONYMOUS)
              .thenComparing(Session::lastSeen))
          .ifPresent(oldest -> sessions.remove(oldest.id()));
    }
  }

  private boolean expired(Session session, Instant now) {
    return session.lastSeen().plus(idleTimeout).isBefore(now)
        || session.created().plus(maxLifetime).isBefore(now);
  }
}

package dev.onair.console.session;

import java.time.Instant;
import java.util.Optional;

/**
 * The port behind {@link SharedSessionStore}: session rows keyed by the SHA-256 of the session id, never the id
 * itself, so a copy of the table signs nobody in. Holds no secret: the CSRF token is derived from the id, and
 * one-time reveals, drafts and flash messages stay in the memory of the node that made them.
 */
public interface SessionRepository {
  /**
   * @param idHash hex SHA-256 of the session id
   * @param principal null for an anonymous session
   */
  record StoredSession(String idHash, Session.State state, SignedIn principal, Instant created, Instant lastSeen) {}

  void insert(StoredSession session);

  Optional<StoredSession> find(String idHash);

  void touch(String idHash, Instant lastSeen);

  void updateState(String idHash, Session.State state);

  void delete(String idHash);

  /** Deletes sessions idle since before {@code idleBefore} or created before {@code createdBefore}. */
  int deleteExpired(Instant idleBefore, Instant createdBefore);
}

package dev.onair.console.session;

import java.time.Clock;
import java.util.Optional;

/**
 * Where console sessions live: {@link InMemorySessionStore} in one node's memory, {@link SharedSessionStore} in a
 * {@link SessionRepository} (the database) so that any node of a cluster serves any signed-in browser.
 */
public interface SessionStore {
  /** A fresh anonymous session, for the sign-in form's CSRF token. */
  Session createAnonymous();

  /** A fresh session for a principal who just proved their password; the old session (if any) is ended. */
  Session signIn(Session previous, SignedIn principal, boolean passwordChangeRequired);

  /** The live session with this id, touched (its idle timeout restarts); empty when unknown or expired. */
  Optional<Session> find(String id);

  void end(Session session);

  /** Makes a change of {@link Session#state()} (a required password change done) visible to every node. */
  default void stateChanged(Session session) {}

  static SessionStore withDefaults(Clock clock) {
    return InMemorySessionStore.withDefaults(clock);
  }
}

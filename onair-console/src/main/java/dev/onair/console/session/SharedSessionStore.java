package dev.onair.console.session;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sessions every node can serve: the row (SHA-256 of the id, state, principal, created, last seen) is in a {@link
 * SessionRepository}, the CSRF token is an HMAC of the session id under a key every node derives from the master
 * key, so nothing secret is stored. What a session holds besides (one-time reveals of a new password or secret
 * access key, wizard drafts, the flash banner) stays in the memory of the node that made it: a reveal page must be
 * served by that node (sticky routing for {@code /console/}, see deploy/README.md) or it is gone.
 *
 * <p>Last use is written at most every {@link #TOUCH_INTERVAL}, so the idle timeout is honoured to within that.
 * Expired rows are deleted on the way (at most once a minute per node).
 */
public final class SharedSessionStore implements SessionStore {
  static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);
  private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

  private final SessionRepository repository;
  private final byte[] csrfKey;
  private final Clock clock;
  private final Duration idleTimeout;
  private final Duration maxLifetime;
  private final int localCapacity;
  private final ConcurrentHashMap<String, Session> local = new ConcurrentHashMap<>();
  private volatile Instant lastPurge = Instant.EPOCH;

  public SharedSessionStore(SessionRepository repository, byte[] csrfKey, Clock clock, Duration idleTimeout,
      Duration maxLifetime, int localCapacity) {
    this.repository = requireNonNull(repository, "repository is null");
    this.csrfKey = requireNonNull(csrfKey, "csrfKey is null").clone();
    this.clock = requireNonNull(clock, "clock is null");
    this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout is null");
    this.maxLifetime = requireNonNull(maxLifetime, "maxLifetime is null");
    this.localCapacity = localCapacity;
  }

  /** AWS's caps, as {@link InMemorySessionStore#withDefaults}. */
  public static SharedSessionStore withDefaults(SessionRepository repository, byte[] csrfKey, Clock clock) {
    return new SharedSessionStore(repository, csrfKey, clock, Duration.ofMinutes(60), Duration.ofHours(12), 10_000);
  }

  @Override
  public Session createAnonymous() {
    return add(Session.State.ANONYMOUS, null);
  }

  @Override
  public Session signIn(Session previous, SignedIn principal, boolean passwordChangeRequired) {
    if (previous != null) {
      end(previous);
    }
    return add(passwordChangeRequired ? Session.State.PASSWORD_CHANGE_REQUIRED : Session.State.SIGNED_IN, principal);
  }

  @Override
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 200) {
      return Optional.empty();
    }
    String hash = hash(id);
    Optional<SessionRepository.StoredSession> row = repository.find(hash);
    Instant now = clock.instant();
    if (row.isEmpty()) {
      local.remove(hash);
      return Optional.empty();
    }
    SessionRepository.StoredSession stored = row.get();
    if (stored.lastSeen().plus(idleTimeout).isBefore(now) || stored.created().plus(maxLifetime).isBefore(now)) {
      repository.delete(hash);
      local.remove(hash);
      return Optional.empty();
    }
    Session session = local.computeIfAbsent(hash, ignored -> {
      makeRoom(now);
      return new Session(id, csrfToken(id), stored.created(), stored.state(), stored.principal());
    });
    session.restoreState(stored.state());
    if (!now.isBefore(stored.lastSeen().plus(TOUCH_INTERVAL))) {
      repository.touch(hash, now);
    }
    session.touch(now);
    return Optional.of(session);
  }

  @Override
  public void end(Session session) {
    String hash = hash(session.id());
    repository.delete(hash);
    local.remove(hash);
  }

  @Override
  public void stateChanged(Session session) {
    repository.updateState(hash(session.id()), session.state());
  }

  private Session add(Session.State state, SignedIn principal) {
    Instant now = clock.instant();
    purgeExpired(now);
    String id = Tokens.random256();
    String hash = hash(id);
    repository.insert(new SessionRepository.StoredSession(hash, state, principal, now, now));
    Session session = new Session(id, csrfToken(id), now, state, principal);
    makeRoom(now);
    local.put(hash, session);
    return session;
  }

  private void purgeExpired(Instant now) {
    if (lastPurge.plus(PURGE_INTERVAL).isAfter(now)) {
      return;
    }
    lastPurge = now;
    repository.deleteExpired(now.minus(idleTimeout), now.minus(maxLifetime));
  }

  /** The local part (reveals, drafts, flash) is bounded: idle entries go first, then the least recently used. */
  private void makeRoom(Instant now) {
    if (local.size() < localCapacity) {
      return;
    }
    local.values().removeIf(session -> session.lastSeen().plus(idleTimeout).isBefore(now));
    while (local.size() >= localCapacity) {
      local.entrySet().stream()
          .min(Comparator.comparing(entry -> entry.getValue().lastSeen()))
          .ifPresent(oldest -> local.remove(oldest.getKey()));
    }
  }

  /** Hex SHA-256 of a session id: what the repository stores and looks up by. */
  public static String hash(String id) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private String csrfToken(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(("console-csrf:" + id).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}

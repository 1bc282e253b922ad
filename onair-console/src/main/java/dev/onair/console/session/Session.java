package dev.onair.console.session;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One browser's server-side state. Anonymous sessions exist only to carry the sign-in form's CSRF token; signing
 * in always starts a new session (new id), so an id planted before sign-in is worth nothing after it.
 */
public final class Session {
  public enum State {
    ANONYMOUS,
    /** Signed in with a password marked for reset: only the change-password page and sign-out are open. */
    PASSWORD_CHANGE_REQUIRED,
    SIGNED_IN
  }

  private final String id;
  private final String csrfToken;
  private final Instant created;
  private Instant lastSeen;
  private State state;
  private SignedIn principal;
  private String flash;
  private final Map<String, Reveal> reveals = new LinkedHashMap<>();
  private final Map<String, Boolean> revealShown = new HashMap<>();
  private final Map<String, Object> drafts = new HashMap<>();

  Session(String id, String csrfToken, Instant created, State state, SignedIn principal) {
    this.id = requireNonNull(id, "id is null");
    this.csrfToken = requireNonNull(csrfToken, "csrfToken is null");
    this.created = created;
    this.lastSeen = created;
    this.state = state;
    this.principal = principal;
  }

  public String id() {
    return id;
  }

  public String csrfToken() {
    return csrfToken;
  }

  public Instant created() {
    return created;
  }

  public synchronized Instant lastSeen() {
    return lastSeen;
  }

  synchronized void touch(Instant now) {
    lastSeen = now;
  }

  public synchronized State state() {
    return state;
  }

  public synchronized SignedIn principal() {
    return principal;
  }

  public synchronized boolean signedIn() {
    return state == State.SIGNED_IN;
  }

  /** The state another node recorded (a required password change done there). */
  synchronized void restoreState(State stored) {
    state = stored;
  }

  public synchronized void passwordChanged() {
    if (state == State.PASSWORD_CHANGE_REQUIRED) {
      state = State.SIGNED_IN;
    }
  }

  /** A one-line banner for the next page rendered (AWS's green "Policy X created."). */
  public synchronized void flash(String message) {
    flash = message;
  }

  public synchronized Optional<String> takeFlash() {
    String message = flash;
    flash = null;
    return Optional.ofNullable(message);
  }

  /** Stores a secret to be shown once; returns the id the reveal page is addressed by (not itself a secret). */
  public synchronized String addReveal(Reveal reveal) {
    String revealId = Tokens.random256().substring(0, 16);
    reveals.put(revealId, reveal);
    revealShown.put(revealId, false);
    return revealId;
  }

  /**
   * The reveal for its page: present only the first time, because a secret shown once must not be shown again
   * (reloading the page or coming back later shows that it is gone).
   */
  public synchronized Optional<Reveal> showReveal(String revealId) {
    Reveal reveal = reveals.get(revealId);
    if (reveal == null || Boolean.TRUE.equals(revealShown.get(revealId))) {
      return Optional.empty();
    }
    revealShown.put(revealId, true);
    return Optional.of(reveal);
  }

  /** The reveal's CSV, while the page that showed it is still the one open. */
  public synchronized Optional<Reveal> revealForDownload(String revealId) {
    return Optional.ofNullable(reveals.get(revealId));
  }

  /** Leaving the page discards every secret it held. */
  public synchronized void discardReveals() {
    reveals.clear();
    revealShown.clear();
  }

  public synchronized void putDraft(String name, Object draft) {
    drafts.put(name, draft);
  }

  public synchronized <T> Optional<T> draft(String name, Class<T> type) {
    Object draft = drafts.get(name);
    return type.isInstance(draft) ? Optional.of(type.cast(draft)) : Optional.empty();
  }

  public synchronized void removeDraft(String name) {
    drafts.remove(name);
  }

  /** Never the id or the CSRF token: either one lets its holder act as the user. */
  @Override
  public synchronized String toString() {
    return "Session[" + state + (principal == null ? "" : ", " + principal.caller().arn()) + "]";
  }
}

package dev.onair.console.session;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing: at most {@code perPrincipal} failed sign-ins for one account and user name, and at
 * most {@code perAddress} from one client address, in any sliding {@code window}. Once a limit is reached further
 * attempts are refused before any password is checked, until the oldest failure leaves the window. Counting by
 * principal stops a slow distributed guess at one user; counting by address stops one client spraying many users.
 */
public final class SignInThrottle {
  /** @param window how long a failure counts */
  public record Limits(int perPrincipal, int perAddress, Duration window) {
    public Limits {
      requireNonNull(window, "window is null");
      if (perPrincipal < 1 || perAddress < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }

    public static Limits defaults() {
      return new Limits(5, 20, Duration.ofMinutes(15));
    }
  }

  private static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final Limits limits;
  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public SignInThrottle(Clock clock, Limits limits) {
    this.clock = requireNonNull(clock, "clock is null");
    this.limits = requireNonNull(limits, "limits is null");
  }

  /** How long until another attempt is allowed; empty when one is allowed now. */
  public Optional<Duration> retryAfter(String account, String userName, String address) {
    Instant now = clock.instant();
    Optional<Duration> byPrincipal = retryAfter(principalKey(account, userName), limits.perPrincipal(), now);
    Optional<Duration> byAddress = retryAfter(addressKey(address), limits.perAddress(), now);
    if (byPrincipal.isPresent() && byAddress.isPresent()) {
      return Optional.of(max(byPrincipal.get(), byAddress.get()));
    }
    return byPrincipal.isPresent() ? byPrincipal : byAddress;
  }

  public void failed(String account, String userName, String address) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_TRACKED) {
      failures.entrySet().removeIf(entry -> pruned(entry.getValue(), now) == 0);
    }
    record(principalKey(account, userName), now);
    record(addressKey(address), now);
  }

  /** A successful sign-in forgives that principal's failures (not the address's: it may be guessing others). */
  public void succeeded(String account, String userName) {
    failures.remove(principalKey(account, userName));
  }

  private void record(String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(now);
    }
  }

  private Optional<Duration> retryAfter(String key, int limit, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      pruned(times, now);
      if (times.size() < limit) {
        return Optional.empty();
      }
      // allowed again when enough of the oldest failures have aged out to bring the count below the limit
      Instant[] ordered = times.toArray(new Instant[0]);
      Instant freeAt = ordered[ordered.length - limit].plus(limits.window());
      return Optional.of(Duration.between(now, freeAt));
    }
  }

  private int pruned(Deque<Instant> times, Instant now) {
    synchronized (times) {
      Instant cutoff = now.minus(limits.window());
      while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
        times.removeFirst();
      }
      return times.size();
    }
  }

  private static String principalKey(String account, String userName) {
    return "p:" + lower(account) + "/" + lower(userName);
  }

  private static String addressKey(String address) {
    return "a:" + (address == null ? "" : address);
  }

  private static String lower(String value) {
    return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

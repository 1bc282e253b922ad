package dev.onair.ivs;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS's per-operation request rates (transactions per second per account and region) as token buckets. Off by
 * default: a local installation has no reason to throttle its only user, but tests of client retry logic and
 * operators who want AWS's behaviour can switch it on.
 *
 * <p>PutMetadata's limits (5 per second per channel, 155 per account and region) hold even when throttling is off:
 * the PutMetadata API reference states them as part of the operation, and each call puts an ID3 frame into the
 * live stream every viewer downloads, so an unbounded caller would flood the viewers, not just the API. The buckets
 * are per node: behind a load balancer a channel's calls spread over N nodes can reach N times the rate.
 */
public final class IvsThrottle {
  /** PutMetadata is the one operation also limited per channel. */
  public static final double PUT_METADATA_PER_CHANNEL_TPS = 5;

  /** Operations whose documented rates are enforced whether or not throttling is switched on. */
  private static final Set<String> ALWAYS_LIMITED = Set.of("PutMetadata");

  private static final Map<String, Double> AWS_RATES = Map.ofEntries(
      Map.entry("BatchGetChannel", 5.0), Map.entry("CreateChannel", 5.0), Map.entry("DeleteChannel", 5.0),
      Map.entry("GetChannel", 5.0), Map.entry("ListChannels", 5.0), Map.entry("UpdateChannel", 5.0),
      Map.entry("CreatePlaybackRestrictionPolicy", 5.0), Map.entry("DeletePlaybackRestrictionPolicy", 5.0),
      Map.entry("GetPlaybackRestrictionPolicy", 5.0), Map.entry("ListPlaybackRestrictionPolicies", 5.0),
      Map.entry("UpdatePlaybackRestrictionPolicy", 5.0),
      Map.entry("DeletePlaybackKeyPair", 3.0), Map.entry("GetPlaybackKeyPair", 3.0),
      Map.entry("ImportPlaybackKeyPair", 3.0), Map.entry("ListPlaybackKeyPairs", 3.0),
      Map.entry("BatchStartViewerSessionRevocation", 2.0), Map.entry("StartViewerSessionRevocation", 10.0),
      Map.entry("CreateRecordingConfiguration", 3.0), Map.entry("DeleteRecordingConfiguration", 3.0),
      Map.entry("GetRecordingConfiguration", 3.0), Map.entry("ListRecordingConfigurations", 3.0),
      Map.entry("GetStream", 5.0), Map.entry("GetStreamSession", 5.0), Map.entry("ListStreams", 5.0),
      Map.entry("ListStreamSessions", 5.0), Map.entry("StopStream", 5.0), Map.entry("PutMetadata", 155.0),
      Map.entry("BatchGetStreamKey", 5.0), Map.entry("CreateStreamKey", 5.0), Map.entry("DeleteStreamKey", 5.0),
      Map.entry("GetStreamKey", 5.0), Map.entry("ListStreamKeys", 5.0),
      Map.entry("ListTagsForResource", 10.0), Map.entry("TagResource", 10.0), Map.entry("UntagResource", 10.0));

  private final Clock clock;
  private final Map<String, Double> rates = new ConcurrentHashMap<>(AWS_RATES);
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private volatile boolean enabled;

  public IvsThrottle(Clock clock, boolean enabled) {
    this.clock = requireNonNull(clock, "clock is null");
    this.enabled = enabled;
  }

  public static IvsThrottle disabled(Clock clock) {
    return new IvsThrottle(clock, false);
  }

  public boolean enabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Overrides AWS's rate for one operation (tests use low rates to provoke throttling quickly). */
  public void setRate(String operation, double transactionsPerSecond) {
    rates.put(operation, transactionsPerSecond);
    buckets.keySet().removeIf(key -> key.startsWith(operation + "/"));
  }

  public double rate(String operation) {
    return rates.getOrDefault(operation, 0.0);
  }

  /** Takes one token for the operation in the account and region, or throws ThrottlingException. */
  public void acquire(String operation, String accountId, String region) {
    if (!enabled && !ALWAYS_LIMITED.contains(operation)) {
      return;
    }
    Double rate = rates.get(operation);
    if (rate == null) {
      return;
    }
    take(operation + "/" + accountId + "/" + region, rate, operation);
  }

  /** PutMetadata's extra per-channel limit, enforced whether or not throttling is switched on. */
  public void acquirePerChannel(String operation, String channelArn) {
    take(operation + "/channel/" + channelArn, PUT_METADATA_PER_CHANNEL_TPS, operation);
  }

  private void take(String key, double rate, String operation) {
    TokenBucket bucket = buckets.computeIfAbsent(key, unused -> new TokenBucket(rate, clock.millis()));
    if (!bucket.tryTake(clock.millis())) {
      throw IvsErrors.throttled(operation);
    }
  }

  /** Capacity equals one second's worth of tokens, so a burst never exceeds the stated TPS. */
  private static final class TokenBucket {
    private final double ratePerMilli;
    private final double capacity;
    private double tokens;
    private long lastRefill;

    TokenBucket(double ratePerSecond, long now) {
      this.ratePerMilli = ratePerSecond / 1000.0;
      this.capacity = Math.max(1.0, ratePerSecond);
      this.tokens = capacity;
      this.lastRefill = now;
    }

    synchronized boolean tryTake(long now) {
      if (now > lastRefill) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * ratePerMilli);
        lastRefill = now;
      }
      if (tokens >= 1.0) {
        tokens -= 1.0;
        return true;
      }
      return false;
    }
  }
}

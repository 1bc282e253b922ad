package dev.onair.s3;

import dev.onair.s3.model.Bucket;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Bucket metadata held in memory: for tests and for an Onair run without a database. */
public final class InMemoryBucketRepository implements BucketRepository {
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  @Override
  public boolean create(Bucket bucket) {
    return buckets.putIfAbsent(bucket.name(), bucket) == null;
  }

  @Override
  public Optional<Bucket> find(String name) {
    return Optional.ofNullable(buckets.get(name));
  }

  @Override
  public List<Bucket> list(String accountId) {
    return buckets.values().stream()
        .filter(bucket -> bucket.accountId().equals(accountId))
        .sorted(Comparator.comparing(Bucket::name))
        .toList();
  }

  @Override
  public void updatePolicy(String name, String policy) {
    buckets.computeIfPresent(name, (key, bucket) -> bucket.withPolicy(policy));
  }

  @Override
  public void delete(String name) {
    buckets.remove(name);
  }
}

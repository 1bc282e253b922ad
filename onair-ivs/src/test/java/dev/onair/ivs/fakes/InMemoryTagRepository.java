package dev.onair.ivs.fakes;

import dev.onair.ivs.port.TagRepository;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryTagRepository implements TagRepository {
  private final Map<String, TreeMap<String, String>> rows = new ConcurrentHashMap<>();

  @Override
  public Map<String, String> tags(String resourceArn) {
    TreeMap<String, String> tags = rows.get(resourceArn);
    return tags == null ? Map.of() : new LinkedHashMap<>(tags);
  }

  @Override
  public Map<String, Map<String, String>> tags(Collection<String> resourceArns) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (String arn : resourceArns) {
      result.put(arn, tags(arn));
    }
    return result;
  }

  @Override
  public void put(String resourceArn, Map<String, String> tags) {
    rows.computeIfAbsent(resourceArn, key -> new TreeMap<>()).putAll(tags);
  }

  @Override
  public void remove(String resourceArn, Collection<String> keys) {
    TreeMap<String, String> tags = rows.get(resourceArn);
    if (tags != null) {
      keys.forEach(tags::remove);
    }
  }

  @Override
  public void deleteAll(String resourceArn) {
    rows.remove(resourceArn);
  }
}

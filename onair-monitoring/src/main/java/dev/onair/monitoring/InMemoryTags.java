package dev.onair.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryTags implements Tags {
  private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

  @Override
  public Map<String, String> get(String resourceArn) {
    Map<String, String> found = tags.get(resourceArn);
    synchronized (this) {
      return found == null ? Map.of() : Map.copyOf(found);
    }
  }

  @Override
  public synchronized void put(String resourceArn, Map<String, String> newTags) {
    tags.computeIfAbsent(resourceArn, arn -> new LinkedHashMap<>()).putAll(newTags);
  }

  @Override
  public synchronized void remove(String resourceArn, List<String> keys) {
    Map<String, String> found = tags.get(resourceArn);
    if (found != null) {
      keys.forEach(found::remove);
    }
  }

  @Override
  public void removeAll(String resourceArn) {
    tags.remove(resourceArn);
  }
}

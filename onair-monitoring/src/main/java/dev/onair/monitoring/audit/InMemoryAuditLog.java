package dev.onair.monitoring.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/** A bounded audit trail in the heap: the oldest events go first when {@code capacity} is reached. */
public final class InMemoryAuditLog implements AuditLog {
  private static final Comparator<AuditEvent> NEWEST_FIRST =
      Comparator.comparing(AuditEvent::time).thenComparing(AuditEvent::eventId).reversed();

  private final int capacity;
  private final Deque<AuditEvent> events = new ArrayDeque<>();

  public InMemoryAuditLog(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public synchronized void record(AuditEvent event) {
    if (events.size() >= capacity) {
      events.removeFirst();
    }
    events.addLast(event);
  }

  @Override
  public synchronized List<AuditEvent> lookup(AuditQuery query) {
    List<AuditEvent> found = new ArrayList<>();
    for (AuditEvent event : events) {
      if ((query.accountId() == null || query.accountId().equals(event.accountId()))
          && (query.start() == null || !event.time().isBefore(query.start()))
          && (query.end() == null || !event.time().isAfter(query.end()))
          && AuditMatching.matches(event, query.attributeKey(), query.attributeValue())
          && isAfterCursor(event, query)) {
        found.add(event);
      }
    }
    found.sort(NEWEST_FIRST);
    return List.copyOf(found.subList(0, Math.min(query.limit(), found.size())));
  }

  private static boolean isAfterCursor(AuditEvent event, AuditQuery query) {
    if (query.afterTime() == null) {
      return true;
    }
    int byTime = event.time().compareTo(query.afterTime());
    return byTime < 0 || (byTime == 0 && event.eventId().compareTo(query.afterEventId()) < 0);
  }

  @Override
  public synchronized int expire(Instant cutoff) {
    int before = events.size();
    events.removeIf(event -> event.time().isBefore(cutoff));
    return before - events.size();
  }
}

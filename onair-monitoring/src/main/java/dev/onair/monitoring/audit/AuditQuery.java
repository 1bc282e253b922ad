package dev.onair.monitoring.audit;

import java.time.Instant;

/**
 * A LookupEvents filter. Results are newest first; paging continues strictly after the cursor event.
 *
 * @param attributeKey one of CloudTrail's LookupAttributeKey values, or null for no attribute filter
 * @param afterTime with {@code afterEventId}, the last event of the previous page (null for the first page)
 */
public record AuditQuery(
    String accountId,
    String attributeKey,
    String attributeValue,
    Instant start,
    Instant end,
    Instant afterTime,
    String afterEventId,
    int limit) {}

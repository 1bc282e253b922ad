package dev.onair.monitoring.cloudwatch;

import dev.onair.monitoring.PageToken;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cuts GetMetricData output into pages of at most MaxDatapoints points. The results are laid end to end in query
 * order and the token is the number of points already returned, so every page of a re-run query lines up as long
 * as the data does not change underneath (CloudWatch gives the same guarantee only for settled data too). A
 * result cut short is marked PartialData, and its remaining points come first on the next page.
 */
final class MetricDataPager {
  private MetricDataPager() {}

  static StructNode page(List<MetricDataResult> results, boolean ascending, int offset, int limit) {
    List<Node> out = new ArrayList<>();
    long skipped = 0;
    int taken = 0;
    boolean more = false;
    for (MetricDataResult result : results) {
      List<Long> timestamps = new ArrayList<>(result.timestamps());
      List<Double> values = new ArrayList<>(result.values());
      if (!ascending) {
        Collections.reverse(timestamps);
        Collections.reverse(values);
      }
      int size = timestamps.size();
      int from = (int) Math.max(0, Math.min(size, offset - skipped));
      skipped += size;
      if (from == size && (size > 0 || offset > 0)) {
        continue;
      }
      if (taken >= limit) {
        more = true;
        break;
      }
      int to = Math.min(size, from + (limit - taken));
      taken += to - from;
      boolean partial = to < size;
      more |= partial;
      List<Node> times = new ArrayList<>();
      List<Node> numbers = new ArrayList<>();
      for (int i = from; i < to; i++) {
        times.add(MetricOperations.timestamp(timestamps.get(i)));
        numbers.add(NumberNode.of(values.get(i)));
      }
      out.add(
          StructNode.builder()
              .put("Id", result.id())
              .put("Label", result.label())
              .put("Timestamps", new ListNode(times))
              .put("Values", new ListNode(numbers))
              .put("StatusCode", partial ? "PartialData" : "Complete")
              .put("Messages", new ListNode(List.of()))
              .build());
      if (partial) {
        break;
      }
    }
    StructNode.Builder output =
        StructNode.builder().put("MetricDataResults", new ListNode(out)).put("Messages", new ListNode(List.of()));
    if (more) {
      output.put("NextToken", PageToken.encode("GetMetricData", Integer.toString(offset + taken)));
    }
    return output.build();
  }
}

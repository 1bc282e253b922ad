package dev.onair.fuzz;

/** What the inputs of the running property cost: results, slowest input, most allocated. One property at a time. */
final class FuzzStats {
  private static long values;
  private static long refusals;
  private static long slowestNanos;
  private static long mostAllocated;
  private static int mostAllocatedLength;
  private static long largestInput;

  private FuzzStats() {}

  static synchronized void reset() {
    values = 0;
    refusals = 0;
    slowestNanos = 0;
    mostAllocated = 0;
    mostAllocatedLength = 0;
    largestInput = 0;
  }

  static synchronized void record(boolean refused, long nanos, long allocated, int inputLength) {
    if (refused) {
      refusals++;
    } else {
      values++;
    }
    slowestNanos = Math.max(slowestNanos, nanos);
    largestInput = Math.max(largestInput, inputLength);
    if (allocated > mostAllocated) {
      mostAllocated = allocated;
      mostAllocatedLength = inputLength;
    }
  }

  static synchronized String summary() {
    return String.format("%d parsed, %d refused with the documented client error, slowest input %d ms, largest "
            + "input %d bytes, most allocated by one input %d KiB (for %d input bytes)", values, refusals,
        slowestNanos / 1_000_000, largestInput, mostAllocated / 1024, mostAllocatedLength);
  }
}

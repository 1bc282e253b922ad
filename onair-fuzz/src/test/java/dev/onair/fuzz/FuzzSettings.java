package dev.onair.fuzz;

import java.time.Duration;

/**
 * How many inputs each fuzz property tries, and with which seed. Short form (every {@code mvn -B verify}):
 * {@value #SHORT_TRIES} inputs per parser from a fixed seed, so CI sees the same inputs on every run. Long form, on
 * demand, with the same switch as the server-level suite ({@code -Donair.robustness=long}): {@value #LONG_TRIES}
 * inputs per parser and a new seed, printed with the results; {@code -Donair.robustness.seed=N} replays it and
 * {@code -Donair.robustness.inputs=N} sets any count.
 */
final class FuzzSettings {
  static final int SHORT_TRIES = 1_000;
  static final int LONG_TRIES = 100_000;
  static final long SHORT_FORM_SEED = 20261130L;
  /**
   * An input not parsed within this is a hang. Generous: the slowest legitimate input (a few MiB of nesting) takes
   * well under a second, and the build machine is small and shared.
   */
  static final Duration PER_INPUT_TIMEOUT = Duration.ofSeconds(10);

  private FuzzSettings() {}

  static boolean longForm() {
    return "long".equalsIgnoreCase(System.getProperty("onair.robustness", "short"));
  }

  static int tries() {
    return Integer.getInteger("onair.robustness.inputs", longForm() ? LONG_TRIES : SHORT_TRIES);
  }

  static String seed() {
    String given = System.getProperty("onair.robustness.seed");
    if (given != null) {
      return given;
    }
    return Long.toString(longForm() ? System.nanoTime() : SHORT_FORM_SEED);
  }
}

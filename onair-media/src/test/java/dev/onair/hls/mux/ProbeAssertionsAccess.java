package dev.onair.hls.mux;

import java.nio.file.Path;

/** Lets tests in other packages use {@link ProbeAssertions}. */
public final class ProbeAssertionsAccess {
  private ProbeAssertionsAccess() {}

  public static void assertH264Aac(Path file, int width, int height, double seconds, double tolerance) {
    ProbeAssertions.assertH264AacFile(file, width, height, seconds, tolerance);
  }
}

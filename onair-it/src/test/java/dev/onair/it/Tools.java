package dev.onair.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the external programs the tests drive. A missing tool fails the test with its name: skipping would let
 * a machine without the tool pass for the wrong reason (.ci/run installs them all).
 */
public final class Tools {
  private Tools() {}

  /** The tool on PATH (or an absolute path that exists); an AssertionError naming it otherwise. */
  public static Path require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new AssertionError(
                    "required external tool '" + name + "' was not found"
                        + (name.contains("/") ? "" : " on PATH")
                        + "; .ci/run installs it"));
  }

  public static Optional<Path> find(String name) {
    if (name.contains("/")) {
      Path path = Path.of(name);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String pathVariable = System.getenv().getOrDefault("PATH", "");
    for (String directory : pathVariable.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, name);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}

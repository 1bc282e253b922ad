package dev.onair.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive that {@code ./onair} records once per build (ARCHITECTURE "Start-up"): {@code onair
 * warm-up} completes a start and its signed calls under {@code -XX:ArchiveClassesAtExit}, and the jar then starts
 * from the archive it wrote.
 */
class ClassDataArchiveIntegrationTest {
  @Test
  void warmUp_recordsAnArchive_thatTheServerStartsFrom(@TempDir Path dir) throws Exception {
    Path jar = OnairProcess.serverJar();
    Path archive = dir.resolve("onair.jsa");

    Result recording = java(dir, "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(), "warm-up");
    assertThat(recording.exit()).as(recording.output()).isZero();
    assertThat(archive).isNotEmptyFile();

    // -Xshare:on makes an archive the JVM cannot map for this class path a failed start, not a silent fallback
    Result replay =
        java(dir, "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:class+load=info", "-jar", jar.toString(),
            "warm-up");
    assertThat(replay.exit()).as(replay.output()).isZero();
    // the server's own classes, the stack's and the lambdas of a start come from the archive, not from the jars
    assertThat(replay.output())
        .contains("dev.onair.server.Onair source: shared objects file (top)")
        .contains("org.h2.engine.Database source: shared objects file (top)")
        .contains("io.netty.bootstrap.ServerBootstrap source: shared objects file (top)")
        .containsPattern("dev\\.onair\\.server\\.Onair\\$\\$Lambda\\$\\S+ source: shared objects file \\(top\\)");
  }

  private record Result(int exit, String output) {}

  private static Result java(Path dir, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(arguments));
    Path log = dir.resolve("java-" + System.nanoTime() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("java " + arguments[0] + " ... did not finish in 5 minutes");
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}

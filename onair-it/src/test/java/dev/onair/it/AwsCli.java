package dev.onair.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@code aws} CLI against a test server with credentials from the environment only: no config or
 * credentials file of the machine can leak in, and no pager can block.
 */
public final class AwsCli {
  /** The CLI on PATH (pip v1 in this image) and Debian's v2 package. */
  public static final String ON_PATH = "aws";
  public static final String DEBIAN = "/usr/bin/aws";

  public record Result(int exitCode, String stdout, String stderr) {}

  private AwsCli() {}

  public static Result run(String cli, OnairProcess onair, String accessKeyId, String secret, String... arguments) {
    Path executable = Tools.require(cli);
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.add("--endpoint-url");
    command.add(onair.endpoint().toString());
    command.add("--output");
    command.add("json");
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(key -> key.startsWith("AWS_"));
    environment.put("AWS_ACCESS_KEY_ID", accessKeyId);
    environment.put("AWS_SECRET_ACCESS_KEY", secret);
    environment.put("AWS_DEFAULT_REGION", "us-east-1");
    environment.put("AWS_CONFIG_FILE", "/dev/null");
    environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
    environment.put("AWS_PAGER", "");
    environment.put("AWS_MAX_ATTEMPTS", "1");
    try {
      Path out = java.nio.file.Files.createTempFile("aws-cli", ".out");
      Path err = java.nio.file.Files.createTempFile("aws-cli", ".err");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(cli + " did not finish within 120 s: " + command);
      }
      Result result =
          new Result(
              process.exitValue(),
              java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
              java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
      java.nio.file.Files.deleteIfExists(out);
      java.nio.file.Files.deleteIfExists(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  public static Result runAsAdmin(String cli, OnairProcess onair, String... arguments) {
    return run(cli, onair, OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY, arguments);
  }
}

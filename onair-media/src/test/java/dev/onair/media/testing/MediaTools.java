package dev.onair.media.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg/ffprobe as test oracles. A missing tool fails the test with its name: a skipped
 * media test would hide exactly the breakage it exists to catch.
 */
public final class MediaTools {
  private static final Path MEDIA_DIR = Path.of("target", "test-media");

  private MediaTools() {}

  public record Result(int exitCode, String stdout, String stderr) {}

  public static String require(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return fail("required tool '" + tool + "' is not installed (apt-get install ffmpeg); media tests cannot run without it");
  }

  public static Result run(List<String> command, long timeoutSeconds) {
    List<String> full = new ArrayList<>(command);
    full.set(0, require(command.get(0)));
    try {
      Path out = Files.createTempFile("tool", ".out");
      Path err = Files.createTempFile("tool", ".err");
      Process process = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("timed out: " + String.join(" ", full));
      }
      Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return result;
    } catch (IOException e) {
      return fail("could not run " + full, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted running " + full);
    }
  }

  /** ffprobe JSON of streams and format for a file or URL. */
  public static String probe(Path file) {
    Result result = run(List.of("ffprobe", "-v", "error", "-show_entries",
        "stream=codec_name,profile,width,height,r_frame_rate,sample_rate,channels:format=duration,format_name",
        "-of", "json", file.toString()), 60);
    if (result.exitCode() != 0) {
      fail("ffprobe rejected " + file + ": " + result.stderr());
    }
    return result.stdout();
  }

  /** Decodes the whole input and returns ffmpeg's error output (empty when clean). */
  public static String decodeErrors(Path file) {
    Result result = run(List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "null", "-"), 120);
    if (result.exitCode() != 0) {
      fail("ffmpeg could not decode " + file + ": " + result.stderr());
    }
    return result.stderr().strip();
  }

  /** A 4 s 320x240@30 H.264 (GOP 30) + AAC FLV made once per build by ffmpeg. */
  public static synchronized byte[] sampleFlv() {
    return flv("sample.flv", List.of("-g", "30", "-bf", "0"));
  }

  /** Same clip with B-frames, so composition offsets are non-zero. */
  public static synchronized byte[] sampleFlvWithBFrames() {
    return flv("sample-bframes.flv", List.of("-g", "30", "-bf", "2"));
  }

  /**
   * 10 s of what bench/media.py publishes: 1280x720@30 H.264 main at 3 Mbps CBR, GOP 2 s, zerolatency, plus 128 kbps
   * AAC at 48 kHz stereo; made once per build (a few seconds of x264).
   */
  public static synchronized byte[] benchClip720p3m() {
    return flv("bench-720p-3m.flv", List.of("-tune", "zerolatency", "-profile:v", "main", "-b:v", "3000k",
        "-maxrate", "3000k", "-bufsize", "6000k", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0"),
        "testsrc2=size=1280x720:rate=30", List.of("-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2"), "10",
        "sine=frequency=1000:sample_rate=48000");
  }

  private static byte[] flv(String name, List<String> videoOptions) {
    return flv(name, videoOptions, "testsrc=size=320x240:rate=30", List.of("-c:a", "aac", "-b:a", "96k"), "4",
        "sine=frequency=1000:sample_rate=44100");
  }

  private static byte[] flv(String name, List<String> videoOptions, String videoSource, List<String> audioOptions,
      String seconds, String audioSource) {
    Path file = MEDIA_DIR.resolve(name);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(MEDIA_DIR);
        Path partial = MEDIA_DIR.resolve(name + ".part");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-v", "error",
            "-f", "lavfi", "-i", videoSource,
            "-f", "lavfi", "-i", audioSource,
            "-t", seconds, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"));
        command.addAll(videoOptions);
        command.addAll(audioOptions);
        command.addAll(List.of("-f", "flv", partial.toString()));
        Result result = run(command, 120);
        if (result.exitCode() != 0) {
          fail("ffmpeg could not make " + name + ": " + result.stderr());
        }
        Files.move(partial, file);
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return fail("could not prepare " + file, e);
    }
  }
}

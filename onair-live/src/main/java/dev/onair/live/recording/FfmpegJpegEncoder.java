package dev.onair.live.recording;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thumbnails through ffmpeg as an external tool: {@code ffmpeg -f h264 -i pipe:0 -frames:v 1 -f image2 -c:v mjpeg
 * pipe:1}. Standard input and output are redirected to temporary files rather than pumped by extra threads, so
 * the only wait is {@link Process#waitFor(long, TimeUnit)} and a hung ffmpeg is killed after the timeout.
 */
public final class FfmpegJpegEncoder implements JpegEncoder {
  private static final Logger LOG = LoggerFactory.getLogger(FfmpegJpegEncoder.class);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final String command;
  private final Duration timeout;

  public FfmpegJpegEncoder(String command, Duration timeout) {
    this.command = requireNonNull(command, "command is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
  }

  /**
   * The encoder when {@code command -version} runs, else empty (logged once by the caller). The server never
   * depends on ffmpeg to run: without it recordings simply have no thumbnails.
   */
  public static Optional<JpegEncoder> detect(String command, Duration timeout) {
    try {
      Process process = new ProcessBuilder(command, "-hide_banner", "-version")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 ? Optional.of(new FfmpegJpegEncoder(command, timeout)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public byte[] encode(byte[] annexB, Integer maxHeight) throws IOException {
    Path in = Files.createTempFile("onair-thumb-", ".h264");
    Path out = Files.createTempFile("onair-thumb-", ".jpg");
    try {
      Files.write(in, annexB);
      List<String> args = new ArrayList<>(List.of(command, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
          "-f", "h264", "-i", "pipe:0", "-frames:v", "1"));
      if (maxHeight != null) {
        args.addAll(List.of("-vf", "scale=-2:'min(ih," + maxHeight + ")'"));
      }
      args.addAll(List.of("-f", "image2", "-c:v", "mjpeg", "pipe:1"));
      // -nostdin only stops ffmpeg's interactive keys; pipe:0 still reads the redirected file.
      Process process = new ProcessBuilder(args)
          .redirectInput(in.toFile())
          .redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      boolean done;
      try {
        done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while ffmpeg decoded a thumbnail", e);
      }
      if (!done) {
        process.destroyForcibly();
        throw new IOException("ffmpeg took longer than " + timeout.toMillis() + " ms for a thumbnail");
      }
      if (process.exitValue() != 0) {
        throw new IOException("ffmpeg exited with " + process.exitValue() + " decoding a thumbnail");
      }
      byte[] jpeg = Files.readAllBytes(out);
      if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
        throw new IOException("ffmpeg produced no JPEG (" + jpeg.length + " bytes)");
      }
      return jpeg;
    } finally {
      delete(in.toFile());
      delete(out.toFile());
    }
  }

  private static void delete(File file) {
    if (!file.delete() && file.exists()) {
      LOG.debug("could not delete {}", file);
    }
  }
}

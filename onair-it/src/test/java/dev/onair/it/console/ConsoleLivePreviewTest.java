package dev.onair.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairExtension;
import dev.onair.it.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Stream and watch from the console: create a channel with insecure ingest, read its ingest server and stream key
 * off the channel page, publish a test pattern with ffmpeg, and see the page's hls.js player reach "playing".
 */
class ConsoleLivePreviewTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension(ConsoleSteps.serverFlags());

  @Test
  void channelPage_livePreviewPlays_whileFfmpegStreams() throws Exception {
    Tools.require("ffmpeg");
    try (Browser browser = Browser.open(ONAIR.process().endpoint())) {
      ConsoleSteps.signInAsRoot(browser);
      browser.go("/console/ivs/channels/create");
      browser.type("channel-name", "preview");
      browser.click("latency-normal");
      browser.click("channel-insecure");
      browser.click("channel-create");
      assertThat(browser.success()).contains("Channel preview created.");
      String channelPage = browser.driver().getCurrentUrl();
      String ingest = browser.byId("ingest-rtmp").getText();
      browser.click("show-stream-key");
      String streamKey = browser.byId("stream-key-value").getText();
      assertThat(ingest).startsWith("rtmp://127.0.0.1:").endsWith("/app/");

      Process encoder = ffmpeg(ingest + streamKey, 120);
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (browser.driver().findElements(By.id("live-preview")).isEmpty()) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError("the channel page never showed the live preview:\n" + browser.bodyText());
          }
          Thread.sleep(1000);
          browser.driver().get(channelPage);
        }
        browser.waitUntil(Duration.ofSeconds(60), driver ->
            "playing".equals(driver.findElement(By.id("live-preview")).getAttribute("data-state")));
        Object time = browser.driver().executeScript("return document.getElementById('live-preview').currentTime;");
        assertThat(((Number) time).doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(browser.bodyText()).contains("LIVE");
        Thread.sleep(2000);
        browser.screenshot("21-channel-live-preview-playing");

        // stream health: bitrate and frame rate charts fill in from the AWS/IVS metrics
        long chartDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!browser.byId("stream-health-charts").getText().contains("Ingest frame rate: ")) {
          if (System.nanoTime() > chartDeadline) {
            throw new AssertionError("no stream health data points:\n" + browser.byId("stream-health-charts").getText());
          }
          Thread.sleep(2000);
          browser.driver().get(channelPage);
        }
        assertThat(browser.byId("stream-health-charts").getText()).contains("Ingest video bitrate: ");
        browser.screenshot("22-channel-stream-health-charts");

        // the session with its events
        browser.click(browser.driver().findElement(By.cssSelector("a[href*='/console/ivs/channels/session']")));
        assertThat(browser.title()).startsWith("Stream session ");
        assertThat(browser.bodyText()).contains("Ingest configuration").contains("Events (");
        browser.screenshot("23-stream-session-events");
      } finally {
        encoder.destroy();
        if (!encoder.waitFor(10, TimeUnit.SECONDS)) {
          encoder.destroyForcibly();
        }
      }
    }
  }

  /** A small real-time H.264 + AAC test pattern (2 s GOP), output discarded. */
  private static Process ffmpeg(String url, int seconds) {
    List<String> command = List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
        "-f", "lavfi", "-i", "testsrc=size=640x360:rate=30", "-f", "lavfi", "-i", "sine=sample_rate=48000",
        "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
        "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "96k", "-f", "flv", url);
    try {
      return new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

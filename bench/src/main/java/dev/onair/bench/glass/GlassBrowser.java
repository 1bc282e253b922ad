package dev.onair.bench.glass;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium (Debian's, through /usr/bin/chromedriver, offline) and the harness page it loads: the page,
 * the console's vendored hls.js and, for the still-frame check, a directory of PNG frames, served from a loopback
 * HTTP server of our own.
 *
 * <p>Web security is off in this throwaway profile because nginx-rtmp's HLS location sends no CORS headers; the
 * page is on another origin than every server, so all three targets are fetched the same way.
 */
final class GlassBrowser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final HttpServer server;
  private final ChromeDriver driver;
  private final Path profile;

  GlassBrowser(Path hlsJs, Path frames) {
    for (String tool : new String[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(Path.of(tool))) {
        throw new IllegalStateException("required tool missing: " + tool + " (apt-get install chromium chromium-driver)");
      }
    }
    if (!Files.isReadable(hlsJs)) {
      throw new IllegalStateException("hls.js not found at " + hlsJs);
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      profile = Files.createTempDirectory("onair-glass-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/player.html", exchange -> {
      try (InputStream in = GlassBrowser.class.getResourceAsStream("/glass/player.html")) {
        send(exchange, in.readAllBytes(), "text/html; charset=utf-8");
      }
    });
    server.createContext("/hls.min.js",
        exchange -> send(exchange, Files.readAllBytes(hlsJs), "text/javascript; charset=utf-8"));
    if (frames != null) {
      server.createContext("/frames/", exchange -> {
        String name = Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
        send(exchange, Files.readAllBytes(frames.resolve(name)), "image/png");
      });
    }
    server.start();

    System.setProperty("SE_OFFLINE", "true");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required", "--mute-audio",
        "--disable-web-security", "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding", "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
  }

  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void open(String source, boolean lowLatency, BlockClock.Geometry g) {
    String strip = g.x() + "," + g.y() + "," + g.blockWidth() + "," + g.blockHeight() + "," + BlockClock.BLOCKS;
    String query = "strip=" + URLEncoder.encode(strip, StandardCharsets.UTF_8);
    if (source != null) {
      query += "&low=" + (lowLatency ? 1 : 0) + "&src=" + URLEncoder.encode(source, StandardCharsets.UTF_8);
    }
    driver.get(origin() + "/player.html?" + query);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  Object asyncJs(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  private static void send(HttpExchange exchange, byte[] body, String contentType) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.getResponseHeaders().add("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      server.stop(0);
      try (Stream<Path> paths = Files.walk(profile)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temp profile is harmless
      }
    }
  }
}

package dev.onair.it.console;

import dev.onair.it.Tools;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through /usr/bin/chromedriver, with a fresh profile per browser. Selenium
 * Manager stays out (explicit driver and binary, offline), so nothing is ever downloaded. A missing browser or
 * driver fails the test naming it, as every other external tool does here.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path profile;
  private final URI base;

  private Browser(ChromeDriver driver, Path profile, URI base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  static Browser open(URI base) {
    Tools.require(CHROMIUM);
    Tools.require(CHROMEDRIVER);
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    try {
      Path profile = Files.createTempDirectory("onair-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
          "--user-data-dir=" + profile, "--window-size=1280,900");
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(1280, 900));
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver, profile, base);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  void go(String path) {
    driver.get(base.resolve(path).toString());
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  void type(String id, String text) {
    WebElement field = byId(id);
    field.clear();
    field.sendKeys(text);
  }

  void click(String id) {
    click(byId(id));
  }

  /**
   * Clicks; when the element is a link or a submit button, waits until the next page has replaced this one, so
   * that what the test reads next is never the page it left.
   */
  void click(WebElement element) {
    String tag = element.getTagName();
    String type = element.getAttribute("type");
    boolean navigates = tag.equals("a") || (tag.equals("button") && (type == null || type.equals("submit")));
    WebElement page = driver.findElement(By.tagName("html"));
    element.click();
    if (navigates) {
      new WebDriverWait(driver, Duration.ofSeconds(30)).until(ignored -> gone(page));
      new WebDriverWait(driver, Duration.ofSeconds(30)).until(ignored -> "complete".equals(
          ((JavascriptExecutor) driver).executeScript("return document.readyState;")));
    }
  }

  /** The old page's root is detached (the driver words that in more than one way). */
  private static boolean gone(WebElement page) {
    try {
      page.getTagName();
      return false;
    } catch (org.openqa.selenium.WebDriverException detached) {
      return true;
    }
  }

  /** Replaces a text area's content and fires the input event the way typing would (fast for long JSON). */
  void setText(String id, String text) {
    ((JavascriptExecutor) driver).executeScript(
        "var e = document.getElementById(arguments[0]); e.value = arguments[1];"
            + "e.dispatchEvent(new Event('input', {bubbles: true}));", id, text);
  }

  String title() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String source() {
    return driver.getPageSource();
  }

  List<String> alerts() {
    return driver.findElements(By.cssSelector(".alert")).stream().map(WebElement::getText).toList();
  }

  /** The first error alert's text, or "" when the page shows none. */
  String error() {
    return driver.findElements(By.cssSelector(".alert-error")).stream().map(WebElement::getText).findFirst()
        .orElse("");
  }

  String success() {
    return driver.findElements(By.cssSelector(".alert-success")).stream().map(WebElement::getText).findFirst()
        .orElse("");
  }

  void waitUntil(Duration timeout, java.util.function.Function<ChromeDriver, Boolean> condition) {
    new WebDriverWait(driver, timeout).until(ignored -> condition.apply(driver));
  }

  /** Whether the page is wider than the window (horizontal scrolling). */
  boolean scrollsHorizontally() {
    Object result = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    return Boolean.TRUE.equals(result);
  }

  /** Saves a PNG under target/screenshots/ for a person to look at. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      // the whole page, not just the first screen: grow the window to the document, then restore it
      Object height = ((JavascriptExecutor) driver).executeScript(
          "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
      int pageHeight = Math.min(6000, Math.max(900, ((Number) height).intValue() + 20));
      driver.manage().window().setSize(new Dimension(1280, pageHeight));
      File shot = driver.getScreenshotAs(OutputType.FILE);
      driver.manage().window().setSize(new Dimension(1280, 900));
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> paths = Files.walk(profile)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temp profile is harmless
      }
    }
  }
}

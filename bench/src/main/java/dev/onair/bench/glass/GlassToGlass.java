package dev.onair.bench.glass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.json.Json;

/**
 * Glass-to-glass latency with the clock burned into the video ({@link BlockClock}), read back in hls.js in
 * headless Chromium. Driven by {@code bench/glass.py}, which starts the servers and the publisher.
 *
 * <pre>
 * java -cp bench/target/onair-bench.jar:bench/target/lib/* dev.onair.bench.glass.GlassToGlass filter [--pts EXPR]
 * ... GlassToGlass still --hls-js FILE --frames DIR [--expect-base-ms B --fps F --step N] [--not-before MS --not-after MS]
 * ... GlassToGlass play --hls-js FILE --url URL --label L [--low] [--warmup S] [--seconds S] [--max-failed 0.02]
 * </pre>
 *
 * <p>{@code still} runs the exact sampler and decoder of {@code play} on PNG frames (cut by ffmpeg from a self-test
 * encode with known values, or from the live stream), so a layout, colour or compression problem shows up as a
 * failed check before any latency is reported. {@code play} samples every presented frame
 * ({@code requestVideoFrameCallback}, else every 50 ms), decodes its capture time and reports display − capture on
 * the one machine clock; a frame whose blocks do not decode cleanly is dropped and counted, and the command fails
 * when more than {@code --max-failed} of the samples were dropped. One JSON object on stdout.
 */
public final class GlassToGlass {
  private static final Json JSON = new Json();

  private GlassToGlass() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: GlassToGlass filter|still|play [options]");
      System.exit(2);
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    boolean ok = switch (args[0]) {
      case "filter" -> {
        System.out.println(BlockClock.ffmpegFilter(BlockClock.DEFAULT, 30, options.getOrDefault("pts", "RTCSTART+N*1000000/30")));
        yield true;
      }
      case "still" -> still(options);
      case "play" -> play(options);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    };
    System.exit(ok ? 0 : 1);
  }

  // ---------------------------------------------------------------- still frames

  private static boolean still(Map<String, String> options) throws IOException {
    Path dir = Path.of(required(options, "frames"));
    List<Path> frames;
    try (Stream<Path> list = Files.list(dir)) {
      frames = list.filter(p -> p.toString().endsWith(".png")).sorted().toList();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> values = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (GlassBrowser browser = new GlassBrowser(Path.of(required(options, "hls-js")), dir)) {
      browser.open(null, false, BlockClock.DEFAULT);
      for (int i = 0; i < frames.size(); i++) {
        String name = frames.get(i).getFileName().toString();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) browser.asyncJs(
            "decodeImage(arguments[0]).then(arguments[arguments.length - 1])", "/frames/" + name);
        BlockClock.Reading reading = result.containsKey("m") ? BlockClock.decode(means(result.get("m"))) : null;
        values.add(reading == null ? null : reading.value());
        if (reading == null) {
          problems.add(name + " does not decode: " + result);
          continue;
        }
        if (options.containsKey("expect-base-ms")) {
          // the self-test ramp: frame n was stamped base + n/fps seconds (pts rounded to 1 µs, so ±1 ms); the
          // i-th file is frame i * step
          long base = Long.parseLong(options.get("expect-base-ms"));
          double fps = Double.parseDouble(options.getOrDefault("fps", "30"));
          int step = Integer.parseInt(options.getOrDefault("step", "1"));
          long expected = Math.floorMod(base + Math.round(i * step * 1000 / fps), BlockClock.WRAP);
          if (Math.abs(reading.value() - expected) > 1) {
            problems.add(name + " reads " + reading.value() + ", expected " + expected);
          }
        }
        if (options.containsKey("not-before")) {
          long before = Long.parseLong(options.get("not-before"));
          long after = Long.parseLong(options.get("not-after"));
          long full = BlockClock.resolve(reading.value(), after);
          if (full < before || full > after) {
            problems.add(name + " reads " + full + ", outside the capture window " + before + ".." + after);
          }
        }
      }
    }
    out.put("frames", frames.size());
    out.put("clean", values.stream().filter(v -> v != null).count());
    out.put("values", values);
    out.put("problems", problems);
    System.out.println(JSON.toJson(out));
    return !frames.isEmpty() && problems.isEmpty();
  }

  // ---------------------------------------------------------------- live playback

  private static boolean play(Map<String, String> options) throws InterruptedException {
    String label = required(options, "label");
    boolean low = options.containsKey("low");
    double warmup = Double.parseDouble(options.getOrDefault("warmup", "10"));
    double seconds = Double.parseDouble(options.getOrDefault("seconds", "25"));
    double maxFailed = Double.parseDouble(options.getOrDefault("max-failed", "0.02"));
    List<Map<String, Object>> samples = new ArrayList<>();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("label", label);
    out.put("hls_js_low_latency_mode", low);
    try (GlassBrowser browser = new GlassBrowser(Path.of(required(options, "hls-js")), null)) {
      long opened = System.currentTimeMillis();
      browser.open(required(options, "url"), low, BlockClock.DEFAULT);
      waitFor(browser, "return state.ready === true", 15);
      out.put("hls_js", browser.js("return state.version"));
      out.put("sampler", browser.js("return state.sampler"));
      if (!waitFor(browser, "return state.playing === true", 40)) {
        out.put("errors", browser.js("return state.errors"));
        out.put("problem", "video never started playing");
        System.out.println(JSON.toJson(out));
        return false;
      }
      out.put("startup_s", (System.currentTimeMillis() - opened) / 1000.0);
      Thread.sleep((long) (warmup * 1000));
      browser.js("state.samples.length = 0; state.collect = true");
      long end = System.currentTimeMillis() + (long) (seconds * 1000);
      while (System.currentTimeMillis() < end) {
        Thread.sleep(1000);
        samples.addAll(drain(browser));
      }
      browser.js("state.collect = false");
      samples.addAll(drain(browser));
      out.put("errors", browser.js("return state.errors"));
    }
    return analyse(samples, seconds, maxFailed, out);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> drain(GlassBrowser browser) {
    return (List<Map<String, Object>>) browser.js("return state.samples.splice(0, state.samples.length)");
  }

  static boolean analyse(List<Map<String, Object>> samples, double seconds, double maxFailed,
      Map<String, Object> out) {
    int failed = 0;
    int implausible = 0;
    Map<Long, Long> firstShown = new HashMap<>(); // capture ms -> first display ms
    Map<Long, Double> mediaTime = new HashMap<>(); // capture ms -> the frame's media timestamp (s)
    List<Double> pdt = new ArrayList<>();
    List<Double> captureToIngest = new ArrayList<>();
    List<Double> hlsLatency = new ArrayList<>();
    long firstDisplay = Long.MAX_VALUE;
    long lastDisplay = Long.MIN_VALUE;
    for (Map<String, Object> s : samples) {
      long display = Math.round(((Number) s.get("t")).doubleValue());
      firstDisplay = Math.min(firstDisplay, display);
      lastDisplay = Math.max(lastDisplay, display);
      BlockClock.Reading reading = BlockClock.decode(means(s.get("m")));
      if (reading == null) {
        failed++;
        continue;
      }
      long capture = BlockClock.resolve(reading.value(), display);
      double latency = (display - capture) / 1000.0;
      if (latency < -0.1 || latency > 60) { // a clean checksum on a value no frame can have: count it as garbage
        implausible++;
        continue;
      }
      firstShown.merge(capture, display, Math::min);
      if (s.get("mt") instanceof Number m) {
        mediaTime.putIfAbsent(capture, m.doubleValue());
      }
      if (s.get("pdt") instanceof Number p) {
        pdt.add(p.doubleValue() / 1000.0);
        captureToIngest.add(latency - p.doubleValue() / 1000.0);
      }
      if (s.get("lat") instanceof Number l) {
        hlsLatency.add(l.doubleValue());
      }
    }
    List<Long> captures = new ArrayList<>(firstShown.keySet());
    captures.sort(null);
    List<Double> glass = new ArrayList<>();
    captures.forEach(capture -> glass.add((firstShown.get(capture) - capture) / 1000.0));
    // stalls: the picture stood still for more than a quarter second (rebuffering; hls.js does not catch up
    // afterwards at default settings, so each one adds to the latency of everything after it)
    List<Long> displays = new ArrayList<>(firstShown.values());
    displays.sort(null);
    int stalls = 0;
    double stalled = 0;
    for (int i = 1; i < displays.size(); i++) {
      long gap = displays.get(i) - displays.get(i - 1);
      if (gap > 250) {
        stalls++;
        stalled += gap / 1000.0;
      }
    }
    double covered = samples.isEmpty() ? 0 : (lastDisplay - firstDisplay) / 1000.0;
    double capturedSpan = captures.size() < 2 ? 0 : (captures.get(captures.size() - 1) - captures.get(0)) / 1000.0;
    out.put("samples", samples.size());
    out.put("decode_failed", failed);
    out.put("implausible", implausible);
    out.put("frames", glass.size());
    out.put("measured_s", round(covered));
    // frames per second of capture time actually shown: 30 when the player shows every frame
    out.put("shown_fps", capturedSpan > 0 ? round((glass.size() - 1) / capturedSpan) : null);
    // capture time − media time: constant with bench/glass.py's camera clock (a check on the burn itself); with a
    // clock stamped when each frame is made (RTCTIME) it moves when the publisher is starved or back-pressured
    double driftMin = Double.MAX_VALUE;
    double driftMax = -Double.MAX_VALUE;
    for (Map.Entry<Long, Double> e : mediaTime.entrySet()) {
      double offset = e.getKey() / 1000.0 - e.getValue();
      driftMin = Math.min(driftMin, offset);
      driftMax = Math.max(driftMax, offset);
    }
    out.put("publisher_drift_s", mediaTime.isEmpty() ? null : round(driftMax - driftMin));
    out.put("stalls", stalls);
    out.put("stalled_s", round(stalled));
    out.put("glass_to_glass_s", Stats.summary(glass));
    out.put("pdt_latency_s", Stats.summary(pdt));
    out.put("capture_to_pdt_s", Stats.summary(captureToIngest));
    out.put("hls_js_latency_estimate_s", Stats.summary(hlsLatency));
    double failedShare = samples.isEmpty() ? 1 : (failed + implausible) / (double) samples.size();
    out.put("failed_share", round(failedShare));
    List<String> problems = new ArrayList<>();
    if (failedShare > maxFailed) {
      problems.add(String.format("%.1f%% of samples did not decode (limit %.1f%%)", 100 * failedShare,
          100 * maxFailed));
    }
    if (covered < Math.min(20, seconds * 0.8)) {
      problems.add("only " + round(covered) + " s of playback sampled");
    }
    out.put("problems", problems);
    out.put("latencies_s", glass); // per frame, in capture order: for pooling runs
    System.out.println(JSON.toJson(out));
    return problems.isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private static boolean waitFor(GlassBrowser browser, String script, int seconds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < deadline) {
      if (Boolean.TRUE.equals(browser.js(script))) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static double[] means(Object list) {
    return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(args[i].substring(2), flag ? "" : args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}

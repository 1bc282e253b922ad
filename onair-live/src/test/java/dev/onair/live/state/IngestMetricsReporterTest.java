package dev.onair.live.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.hls.segment.ContainerFormat;
import dev.onair.hls.segment.LiveSegmenter;
import dev.onair.hls.segment.SegmenterConfig;
import dev.onair.ivs.model.StreamHealth;
import dev.onair.live.fakes.Fakes;
import dev.onair.live.metrics.IngestMetricsReporter;
import dev.onair.rtmp.session.PublisherHandle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every AWS/IVS metric with exactly the dimension sets and unit AWS documents (ivs.md §6.4), from one tick of the
 * reporter over two live channels: {@code aaa} recording, HEALTHY, with viewers in DE and of unknown country;
 * {@code bbb} not recording, STARVING, unwatched. (In Broadcast's package for its package-private constructor.)
 */
class IngestMetricsReporterTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  record Recorded(String namespace, String metric, String dimensions, double value, String unit) {}

  private final List<Recorded> recorded = new ArrayList<>();

  @BeforeEach
  void tick() {
    Broadcast a = broadcast("aaa", true);
    a.viewers().touch("ps-1", "de", NOW.toEpochMilli());
    a.viewers().touch("ps-2", null, NOW.toEpochMilli() - 1_000);
    a.viewers().touch("ps-gone", "FR", NOW.toEpochMilli() - ViewerTracker.WINDOW_MILLIS - 1);
    Broadcast b = broadcast("bbb", false);
    Map<Broadcast, IngestSample> samples = new LinkedHashMap<>();
    samples.put(a, new IngestSample(2_000_000, 128_000, 30, 2, StreamHealth.HEALTHY));
    samples.put(b, new IngestSample(500_000, 64_000, 24, 4, StreamHealth.STARVING));
    new IngestMetricsReporter((namespace, metric, dimensions, value, unit, timestamp) -> {
      assertThat(timestamp).isEqualTo(NOW);
      recorded.add(new Recorded(namespace, metric, format(dimensions), value, unit));
    }, CLOCK).report(samples);
  }

  static Stream<Arguments> documented() {
    Set<String> channelAndTrack = Set.of("Channel=aaa", "Channel=aaa,Track=Track0", "Channel=bbb",
        "Channel=bbb,Track=Track0");
    return Stream.of(
        Arguments.of("ConcurrentViews", "Count", Set.of("", "Channel=aaa", "Channel=bbb")),
        Arguments.of("ConcurrentStreams", "Count", Set.of("", "Health=HEALTHY", "Health=STARVING")),
        Arguments.of("IngestAudioBitrate", "Bits/Second", channelAndTrack),
        Arguments.of("IngestBitrate", "Bits/Second", Set.of("", "Channel=aaa", "Channel=bbb")),
        Arguments.of("IngestFramerate", "Count/Second", union(channelAndTrack, Set.of(""))),
        Arguments.of("IngestVideoBitrate", "Bits/Second", channelAndTrack),
        Arguments.of("KeyframeInterval", "Seconds", channelAndTrack),
        Arguments.of("LiveDeliveredTime", "Seconds", Set.of("", "Channel=aaa", "Channel=bbb",
            "Channel=aaa,ViewerCountryCode=DE", "Channel=aaa,ViewerCountryCode=UNKNOWN")),
        Arguments.of("LiveInputTime", "Seconds", Set.of("", "Channel=aaa", "Channel=bbb")),
        Arguments.of("RecordedTime", "Seconds", Set.of("", "Channel=aaa")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documented")
  void metric_hasTheDocumentedDimensionSetsAndUnit(String metric, String unit, Set<String> dimensionSets) {
    List<Recorded> rows = recorded.stream().filter(r -> r.metric().equals(metric)).toList();
    assertThat(rows).extracting(Recorded::dimensions).containsExactlyInAnyOrderElementsOf(
        metric.equals("IngestFramerate") ? withAccountWideTwice(dimensionSets) : dimensionSets);
    assertThat(rows).extracting(Recorded::unit).containsOnly(unit);
    assertThat(rows).extracting(Recorded::namespace).containsOnly("AWS/IVS");
  }

  @Test
  void nothingElseIsPublished() {
    Set<String> documented = documented().map(arguments -> (String) arguments.get()[0]).collect(Collectors.toSet());
    assertThat(recorded).extracting(Recorded::metric).allMatch(documented::contains);
  }

  @Test
  void values_sumsAcrossStreamsExceptFramerate() {
    assertThat(value("IngestBitrate", "")).isEqualTo(2_128_000 + 564_000);
    assertThat(value("IngestBitrate", "Channel=bbb")).isEqualTo(564_000);
    assertThat(value("ConcurrentViews", "")).isEqualTo(2);
    assertThat(value("ConcurrentViews", "Channel=aaa")).as("ps-gone left more than a minute ago").isEqualTo(2);
    assertThat(value("ConcurrentViews", "Channel=bbb")).isZero();
    assertThat(value("LiveDeliveredTime", "Channel=aaa,ViewerCountryCode=DE")).isEqualTo(1);
    assertThat(value("LiveDeliveredTime", "Channel=aaa,ViewerCountryCode=UNKNOWN")).isEqualTo(1);
    assertThat(value("LiveDeliveredTime", "")).isEqualTo(2);
    assertThat(value("LiveInputTime", "")).isEqualTo(2);
    assertThat(value("RecordedTime", "")).isEqualTo(1);
    assertThat(value("ConcurrentStreams", "")).isEqualTo(2);
    assertThat(value("ConcurrentStreams", "Health=STARVING")).isEqualTo(1);
    assertThat(value("KeyframeInterval", "Channel=bbb,Track=Track0")).isEqualTo(4);
    // account-wide frame rate: one sample per stream, so CloudWatch's Average/Min/Max are across streams
    assertThat(recorded.stream().filter(r -> r.metric().equals("IngestFramerate") && r.dimensions().isEmpty())
        .map(Recorded::value)).containsExactlyInAnyOrder(30.0, 24.0);
  }

  @Test
  void nothingLive_publishesNothing() {
    List<Recorded> none = new ArrayList<>();
    new IngestMetricsReporter((namespace, metric, dimensions, value, unit, timestamp) ->
        none.add(new Recorded(namespace, metric, format(dimensions), value, unit)), CLOCK).report(Map.of());
    assertThat(none).isEmpty();
  }

  private double value(String metric, String dimensions) {
    List<Recorded> rows = recorded.stream()
        .filter(r -> r.metric().equals(metric) && r.dimensions().equals(dimensions)).toList();
    assertThat(rows).as(metric + " {" + dimensions + "}").hasSize(1);
    return rows.get(0).value();
  }

  private static Broadcast broadcast(String channelId, boolean recording) {
    return new Broadcast(Fakes.channel(channelId, true, "LOW", "TS", "", false), "st-" + channelId,
        "arn:aws:ivs:us-east-1:123456789012:stream-key/" + channelId, NOW, new PublisherHandle() {
          @Override
          public void disconnect() {}

          @Override
          public boolean isConnected() {
            return true;
          }

          @Override
          public String remoteAddress() {
            return "127.0.0.1:50000";
          }
        }, new IngestStats(CLOCK::millis), new LiveSegmenter(SegmenterConfig.defaults(ContainerFormat.TS), CLOCK),
        recording);
  }

  private static String format(Map<String, String> dimensions) {
    return new TreeMap<>(dimensions).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
  }

  private static List<String> withAccountWideTwice(Set<String> dimensionSets) {
    List<String> expected = new ArrayList<>(dimensionSets);
    expected.add("");
    return expected;
  }
}

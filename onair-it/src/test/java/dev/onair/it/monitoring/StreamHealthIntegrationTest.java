package dev.onair.it.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.RequestStatus;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

/**
 * Issue 7's stream-health and quota checks, as an IVS operator makes them: while ffmpeg streams at a fixed
 * bitrate, CloudWatch reports that bitrate and one concurrent stream, and an alarm on ConcurrentStreams goes to
 * ALARM and back; raising and lowering the channel quota through Service Quotas changes what CreateChannel allows.
 * Alarms are evaluated every second here ({@code --alarm-evaluation-seconds 1}) so nothing waits on the 10 s default.
 */
class StreamHealthIntegrationTest {
  private static final Region REGION = Region.US_WEST_2;
  private static final int RTMP_PORT = freePort();
  private static final long VIDEO_BITRATE = 1_000_000;

  @RegisterExtension
  static final OnairExtension ONAIR = new OnairExtension(
      "--rtmp-port", Integer.toString(RTMP_PORT), "--alarm-evaluation-seconds", "1");

  @Test
  void streamingAtFixedBitrate_metricsMatch_alarmFiresAndClears() throws Exception {
    Tools.require("ffmpeg");
    try (IvsClient ivs = ivs(REGION); CloudWatchClient cloudWatch = cloudWatch()) {
      cloudWatch.putMetricAlarm(r -> r.alarmName("any-stream-live").namespace("AWS/IVS")
          .metricName("ConcurrentStreams").statistic(Statistic.MAXIMUM).period(10).evaluationPeriods(1)
          .threshold(0.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
          // IVS publishes nothing while nothing is live, so "no data" means "no stream": not breaching.
          .treatMissingData("notBreaching"));
      CreateChannelResponse channel = ivs.createChannel(r -> r.name("health").insecureIngest(true));
      String arn = channel.channel().arn();
      String channelId = arn.substring(arn.lastIndexOf('/') + 1);
      // CBR x264 (HRD filler) so the ingest rate equals the configured rate second by second.
      Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
          "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i", "sine=sample_rate=48000",
          "-t", "60", "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
          "-g", "60", "-keyint_min", "60", "-sc_threshold", "0",
          "-b:v", "1000k", "-minrate", "1000k", "-maxrate", "1000k", "-bufsize", "2000k",
          "-x264-params", "nal-hrd=cbr", "-c:a", "aac", "-b:a", "128k",
          "-f", "flv", "rtmp://127.0.0.1:" + RTMP_PORT + "/app/" + channel.streamKey().value())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try {
        await("channel live", Duration.ofSeconds(20), () -> isLive(ivs, arn));
        Instant live = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        await("alarm in ALARM while live", Duration.ofSeconds(30), () -> alarmState(cloudWatch) == StateValue.ALARM);

        // Let the encoder's rate control settle, then take 8 s of 1-second points after the first 4.
        await("12 s of IngestVideoBitrate points", Duration.ofSeconds(40),
            () -> bitrates(cloudWatch, channelId, live).size() >= 12);
        List<Double> points = bitrates(cloudWatch, channelId, live);
        List<Double> steady = points.subList(4, points.size());
        double average = steady.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf("IngestVideoBitrate (Channel=%s) over %d steady seconds: average %.0f bit/s for %d"
            + " configured (%.1f %%); points %s%n", channelId, steady.size(), average, VIDEO_BITRATE,
            100.0 * (average - VIDEO_BITRATE) / VIDEO_BITRATE, points);
        assertThat(average).isBetween(VIDEO_BITRATE * 0.9, VIDEO_BITRATE * 1.1);

        MetricDataResult streams = query(cloudWatch, "streams", "ConcurrentStreams", null, "Maximum", live);
        assertThat(streams.values()).isNotEmpty().allMatch(v -> v == 1.0);
      } finally {
        ffmpeg.destroy();
        if (!ffmpeg.waitFor(10, TimeUnit.SECONDS)) {
          ffmpeg.destroyForcibly();
        }
      }
      await("channel offline", Duration.ofSeconds(15), () -> !isLive(ivs, arn));
      long offline = System.nanoTime();
      await("alarm back to OK after the stream", Duration.ofSeconds(40), () -> alarmState(cloudWatch) == StateValue.OK);
      System.out.printf("alarm back to OK %d ms after the channel went offline (10 s period)%n",
          (System.nanoTime() - offline) / 1_000_000);
      var history = cloudWatch.describeAlarmHistory(r -> r.alarmName("any-stream-live")).alarmHistoryItems();
      assertThat(history).anyMatch(h -> h.historySummary().contains("to ALARM"));
    }
  }

  @Test
  void channelQuota_throughServiceQuotas_limitsCreateChannel() {
    Region region = Region.EU_WEST_1; // its own region, so channels of the other test do not count
    try (IvsClient ivs = ivs(region); ServiceQuotasClient quotas = serviceQuotas(region)) {
      ServiceQuota channels = quotas.listServiceQuotasPaginator(r -> r.serviceCode("ivs")).quotas().stream()
          .filter(q -> q.quotaName().equals("Channels")).findFirst().orElseThrow();
      assertThat(channels.adjustable()).isTrue();
      setQuota(quotas, channels.quotaCode(), 3);
      for (int i = 0; i < 3; i++) {
        int n = i;
        ivs.createChannel(r -> r.name("quota-" + n));
      }
      assertThatThrownBy(() -> ivs.createChannel(r -> r.name("quota-4")))
          .isInstanceOf(ServiceQuotaExceededException.class);
      setQuota(quotas, channels.quotaCode(), 4);
      assertThat(ivs.createChannel(r -> r.name("quota-4")).channel().arn()).isNotBlank();
      assertThat(ivs.listChannels(r -> r.maxResults(100)).channels()).hasSize(4);
    }
  }

  private static void setQuota(ServiceQuotasClient quotas, String code, double value) {
    var request = quotas.requestServiceQuotaIncrease(r -> r.serviceCode("ivs").quotaCode(code).desiredValue(value))
        .requestedQuota();
    assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(quotas.getServiceQuota(r -> r.serviceCode("ivs").quotaCode(code)).quota().value()).isEqualTo(value);
  }

  private static List<Double> bitrates(CloudWatchClient cloudWatch, String channelId, Instant from) {
    List<Double> values = new ArrayList<>(query(cloudWatch, "video", "IngestVideoBitrate", channelId, "Average",
        from).values());
    java.util.Collections.reverse(values); // TimestampDescending by default; oldest first reads naturally
    return values;
  }

  private static MetricDataResult query(CloudWatchClient cloudWatch, String id, String metric, String channelId,
      String stat, Instant from) {
    List<Dimension> dimensions = channelId == null ? List.of()
        : List.of(Dimension.builder().name("Channel").value(channelId).build());
    return cloudWatch.getMetricData(r -> r.startTime(from).endTime(Instant.now().plusSeconds(1))
        .metricDataQueries(MetricDataQuery.builder().id(id).metricStat(s -> s.period(1).stat(stat)
            .metric(m -> m.namespace("AWS/IVS").metricName(metric).dimensions(dimensions))).build()))
        .metricDataResults().get(0);
  }

  private static StateValue alarmState(CloudWatchClient cloudWatch) {
    return cloudWatch.describeAlarms(r -> r.alarmNames("any-stream-live")).metricAlarms().get(0).stateValue();
  }

  private static boolean isLive(IvsClient ivs, String arn) {
    try {
      ivs.getStream(r -> r.channelArn(arn));
      return true;
    } catch (ChannelNotBroadcastingException e) {
      return false;
    }
  }

  private static IvsClient ivs(Region region) {
    return IvsClient.builder().endpointOverride(ONAIR.process().endpoint()).region(region)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  private static CloudWatchClient cloudWatch() {
    return CloudWatchClient.builder().endpointOverride(ONAIR.process().endpoint()).region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  private static ServiceQuotasClient serviceQuotas(Region region) {
    return ServiceQuotasClient.builder().endpointOverride(ONAIR.process().endpoint()).region(region)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(200);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

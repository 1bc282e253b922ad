package dev.onair.it.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.onair.it.AwsCli;
import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.RequestStatus;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

/** CloudWatch, Service Quotas and CloudTrail through real clients against the server process. */
class MonitoringSdkIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();

  private static final Region REGION = Region.US_WEST_2;

  private static CloudWatchClient cloudWatch() {
    return CloudWatchClient.builder()
        .endpointOverride(ONAIR.process().endpoint())
        .region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void cloudWatch_queryProtocol_putThenGetMetricData() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Dimension channel = Dimension.builder().name("Channel").value("sdk").build();
    try (CloudWatchClient cloudWatch = cloudWatch()) {
      cloudWatch.putMetricData(
          request ->
              request
                  .namespace("Onair/Test")
                  .metricData(
                      datum -> datum.metricName("Bitrate").dimensions(channel).value(1000.0).unit(StandardUnit.BITS_SECOND).timestamp(now),
                      datum -> datum.metricName("Bitrate").dimensions(channel).value(3000.0).unit(StandardUnit.BITS_SECOND).timestamp(now)));
      GetMetricDataResponse data =
          cloudWatch.getMetricData(
              request ->
                  request
                      .startTime(now.minusSeconds(120))
                      .endTime(now.plusSeconds(60))
                      .metricDataQueries(
                          MetricDataQuery.builder()
                              .id("avg")
                              .metricStat(stat -> stat.period(60).stat("Average").metric(m -> m.namespace("Onair/Test").metricName("Bitrate").dimensions(channel)))
                              .build(),
                          MetricDataQuery.builder().id("double").expression("avg * 2").build()));
      assertThat(data.metricDataResults()).hasSize(2);
      assertThat(data.metricDataResults().get(0).values()).containsExactly(2000.0);
      assertThat(data.metricDataResults().get(1).values()).containsExactly(4000.0);
      assertThat(cloudWatch.listMetrics(request -> request.namespace("Onair/Test")).metrics()).hasSize(1);
      CloudWatchException reserved =
          org.junit.jupiter.api.Assertions.assertThrows(
              CloudWatchException.class,
              () -> cloudWatch.putMetricData(request -> request.namespace("AWS/IVS").metricData(d -> d.metricName("x").value(1.0))));
      assertThat(reserved.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }
  }

  @Test
  void cloudWatch_pipCliSendsJsonWithQueryMode() throws Exception {
    OnairProcess onair = ONAIR.process();
    AwsCli.Result put =
        AwsCli.runAsAdmin(AwsCli.ON_PATH, onair, "cloudwatch", "put-metric-data", "--namespace", "Onair/Cli",
            "--metric-name", "Views", "--value", "7", "--region", REGION.id());
    assertThat(put.exitCode()).as(put.stderr()).isZero();
    String start = Instant.now().minusSeconds(300).toString();
    String end = Instant.now().plusSeconds(60).toString();
    AwsCli.Result get =
        AwsCli.runAsAdmin(AwsCli.ON_PATH, onair, "cloudwatch", "get-metric-data", "--region", REGION.id(),
            "--start-time", start, "--end-time", end, "--metric-data-queries",
            "[{\"Id\":\"v\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"Onair/Cli\",\"MetricName\":\"Views\"},\"Period\":60,\"Stat\":\"Sum\"}}]");
    assertThat(get.exitCode()).as(get.stderr()).isZero();
    JsonNode output = new ObjectMapper().readTree(get.stdout());
    assertThat(output.path("MetricDataResults").get(0).path("Values").get(0).asDouble()).isEqualTo(7.0);
    AwsCli.Result bad =
        AwsCli.runAsAdmin(AwsCli.ON_PATH, onair, "cloudwatch", "put-metric-data", "--namespace", "AWS/IVS",
            "--metric-name", "Views", "--value", "7", "--region", REGION.id());
    assertThat(bad.stderr()).contains("InvalidParameterValue");
  }

  @Test
  void cloudWatch_rawCborRequest() throws Exception {
    ObjectMapper cbor = new ObjectMapper(new CBORFactory());
    byte[] body = cbor.writeValueAsBytes(Map.of("Namespace", "Onair/Cbor"));
    URI endpoint = ONAIR.process().endpoint();
    SdkHttpFullRequest unsigned =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint.resolve("/service/GraniteServiceVersion20100801/operation/ListMetrics"))
            .putHeader("smithy-protocol", "rpc-v2-cbor")
            .putHeader("Content-Type", "application/cbor")
            .putHeader("Accept", "application/cbor")
            .contentStreamProvider(() -> SdkBytes.fromByteArray(body).asInputStream())
            .build();
    SdkHttpFullRequest signed =
        Aws4Signer.create()
            .sign(
                unsigned,
                Aws4SignerParams.builder()
                    .awsCredentials(Clients.admin())
                    .signingName("monitoring")
                    .signingRegion(REGION)
                    .build());
    HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signed.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        values.forEach(value -> request.header(name, value));
      }
    });
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode decoded = cbor.readTree(response.body());
    assertThat(decoded.has("Metrics")).isTrue();
  }

  @Test
  void serviceQuotas_increaseRequestChangesTheValue() {
    try (ServiceQuotasClient quotas =
        ServiceQuotasClient.builder()
            .endpointOverride(ONAIR.process().endpoint())
            .region(REGION)
            .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      List<ServiceQuota> listed = quotas.listServiceQuotas(request -> request.serviceCode("ivs")).quotas();
      ServiceQuota channels = listed.stream().filter(q -> q.quotaName().equals("Channels")).findFirst().orElseThrow();
      var requested =
          quotas.requestServiceQuotaIncrease(
              request -> request.serviceCode("ivs").quotaCode(channels.quotaCode()).desiredValue(3.0));
      assertThat(requested.requestedQuota().status()).isEqualTo(RequestStatus.APPROVED);
      assertThat(quotas.getServiceQuota(request -> request.serviceCode("ivs").quotaCode(channels.quotaCode())).quota().value())
          .isEqualTo(3.0);
    }
  }

  @Test
  void cloudTrail_andPrometheus() throws Exception {
    try (CloudTrailClient trail =
        CloudTrailClient.builder()
            .endpointOverride(ONAIR.process().endpoint())
            .region(REGION)
            .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      cloudWatch().listMetrics();
      var events =
          trail.lookupEvents(
              request -> request.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("ListMetrics")));
      assertThat(events.events()).isNotEmpty();
      assertThat(events.events().get(0).cloudTrailEvent()).contains("\"eventSource\":\"monitoring.amazonaws.com\"");
    }
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(ONAIR.process().endpoint().resolve("/_onair/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE onair_api_requests_total counter");
  }
}

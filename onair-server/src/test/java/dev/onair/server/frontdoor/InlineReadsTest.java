package dev.onair.server.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.iam.IamCore;
import dev.onair.iam.IamService;
import dev.onair.iam.IamServiceDefinition;
import dev.onair.iam.analyzer.AccessAnalyzerServiceDefinition;
import dev.onair.iam.store.IamStore;
import dev.onair.iam.sts.StsService;
import dev.onair.iam.sts.StsServiceDefinition;
import dev.onair.ivs.IdGenerator;
import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.IvsEndpoints;
import dev.onair.ivs.IvsQuotas;
import dev.onair.ivs.IvsService;
import dev.onair.ivs.IvsServiceDefinition;
import dev.onair.ivs.IvsThrottle;
import dev.onair.ivs.port.LiveStreamState;
import dev.onair.monitoring.Monitoring;
import dev.onair.monitoring.MonitoringSettings;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.codec.ProtocolDetector;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.s3.S3Config;
import dev.onair.s3.S3Service;
import dev.onair.s3.S3ServiceDefinition;
import dev.onair.s3.blob.FilesystemBlobStore;
import dev.onair.server.wiring.EngineAwsPolicyCatalog;
import dev.onair.server.wiring.IamServiceLinkedRoleCreator;
import dev.onair.server.wiring.IvsQuotaRegistry;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.jdbc.iam.JdbcIamStore;
import dev.onair.storage.jdbc.ivs.JdbcIvsRepositories;
import dev.onair.storage.jdbc.monitoring.JdbcAlarmRepository;
import dev.onair.storage.jdbc.monitoring.JdbcAuditLog;
import dev.onair.storage.jdbc.monitoring.JdbcMetricStore;
import dev.onair.storage.jdbc.monitoring.JdbcQuotaStore;
import dev.onair.storage.jdbc.monitoring.JdbcTags;
import dev.onair.storage.jdbc.s3.JdbcBucketRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which requests the event loop answers itself, over the real service definitions (so each service's read-only
 * declarations are what is tested): on the embedded store the health route and the declared reads of IAM, STS,
 * IVS and Service Quotas; on PostgreSQL the health route only.
 */
class InlineReadsTest {
  private static final String IVS_ARN = "arn%3Aaws%3Aivs%3Aus-east-1%3A123456789012%3Achannel%2FabcdABCD1234";

  @TempDir static Path dataDir;
  private static Database database;
  private static ServiceRegistry registry;

  @BeforeAll
  static void services() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    Clock clock = Clock.systemUTC();
    SecretCipher cipher = SecretCipher.load(dataDir, null);
    IamStore iamStore = new JdbcIamStore(database.jdbc(), cipher);
    IamCore core = new IamCore(iamStore, EngineAwsPolicyCatalog.load(), clock);
    IamService iam = new IamService(core);
    JdbcIvsRepositories ivs = JdbcIvsRepositories.create(database.jdbc(), cipher);
    IvsDependencies ivsDependencies =
        new IvsDependencies(
            ivs.channels(),
            ivs.streamKeys(),
            ivs.recordingConfigurations(),
            ivs.playbackKeyPairs(),
            ivs.playbackRestrictionPolicies(),
            ivs.viewerSessionRevocations(),
            ivs.tags(),
            LiveStreamState.offline(),
            (account, region, bucket) -> false,
            new IamServiceLinkedRoleCreator(iamStore, iam.roles()),
            new IvsEndpoints("localhost", 8080, 1935, 4443),
            new IvsQuotas(),
            IvsThrottle.disabled(clock),
            new IdGenerator(),
            clock);
    Monitoring monitoring =
        new Monitoring(
            new JdbcMetricStore(database.jdbc()),
            new JdbcAlarmRepository(database.jdbc()),
            new JdbcTags(database.jdbc()),
            new IvsQuotaRegistry(new IvsQuotas()),
            new JdbcQuotaStore(database.jdbc()),
            new JdbcAuditLog(database.jdbc()),
            clock,
            MonitoringSettings.defaults());
    List<ServiceDefinition> definitions = new ArrayList<>();
    definitions.add(IamServiceDefinition.create(iam));
    definitions.add(StsServiceDefinition.create(new StsService(core)));
    definitions.add(AccessAnalyzerServiceDefinition.create());
    definitions.add(
        S3ServiceDefinition.create(
            new S3Service(
                new JdbcBucketRepository(database.jdbc()),
                new FilesystemBlobStore(dataDir.resolve("s3"), clock),
                S3Config.of(List.of("localhost")),
                clock)));
    definitions.add(IvsServiceDefinition.create(new IvsService(ivsDependencies)));
    definitions.addAll(monitoring.serviceDefinitions());
    registry = ServiceRegistry.of(definitions);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static FrontDoor frontDoor(InlineReads inlineReads) {
    LocalHandler answer = LocalHandler.sync((request, id) -> HttpResponse.text(200, "text/plain", "ok"));
    LocalRoutes routes =
        LocalRoutes.builder()
            .exact("/_onair/health", new HealthHandler(() -> true))
            .exact("/_onair/metrics", answer)
            .prefix("/console/", answer)
            .prefix("/api/video/v1/", (request, id) -> new CompletableFuture<>())
            .build();
    // classification never reaches authentication or authorization
    return new FrontDoor(routes, registry, null, null, () -> "123456789012", Clock.systemUTC(),
        CallObserver.NONE, inlineReads);
  }

  /**
   * @param scope the credential scope's service ("-" for an unsigned request)
   * @param marker {@code form:<body>}, {@code target:<X-Amz-Target>} or "-"
   */
  private static HttpRequest request(String method, String target, String scope, String marker) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Host", "localhost"));
    if (!scope.equals("-")) {
      headers.add(
          Map.entry(
              "Authorization",
              "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261130/us-east-1/" + scope
                  + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=00"));
    }
    byte[] body = new byte[0];
    if (marker.startsWith("form:")) {
      headers.add(Map.entry("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));
      body = marker.substring("form:".length()).getBytes(StandardCharsets.UTF_8);
    } else if (marker.startsWith("target:")) {
      headers.add(Map.entry("Content-Type", "application/x-amz-json-1.1"));
      headers.add(Map.entry("X-Amz-Target", marker.substring("target:".length())));
      body = "{}".getBytes(StandardCharsets.UTF_8);
    } else if (method.equals("POST")) {
      headers.add(Map.entry("Content-Type", "application/json"));
      body = "{}".getBytes(StandardCharsets.UTF_8);
    }
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    return new HttpRequest(method, path, query, new HttpHeaders(headers), body, "127.0.0.1", false);
  }

  @ParameterizedTest(name = "{0} {1} [{2}] {3}: embedded {4}, PostgreSQL {5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          GET    | /_onair/health             | -                | -                                              | true  | true
          HEAD   | /_onair/health             | -                | -                                              | true  | true
          GET    | /_onair/metrics            | -                | -                                              | false | false
          GET    | /console/                  | -                | -                                              | false | false
          GET    | /api/video/v1/a.m3u8       | -                | -                                              | false | false
          POST   | /GetChannel                | ivs              | -                                              | true  | false
          POST   | /BatchGetChannel           | ivs              | -                                              | true  | false
          POST   | /ListChannels              | ivs              | -                                              | true  | false
          POST   | /GetStream                 | ivs              | -                                              | true  | false
          POST   | /ListStreamSessions        | ivs              | -                                              | true  | false
          POST   | /GetStreamKey              | ivs              | -                                              | true  | false
          POST   | /CreateChannel             | ivs              | -                                              | false | false
          POST   | /UpdateChannel             | ivs              | -                                              | false | false
          POST   | /DeleteChannel             | ivs              | -                                              | false | false
          POST   | /StopStream                | ivs              | -                                              | false | false
          POST   | /PutMetadata               | ivs              | -                                              | false | false
          POST   | /BatchStartViewerSessionRevocation | ivs      | -                                              | false | false
          GET    | /tags/%s                   | ivs              | -                                              | true  | false
          POST   | /tags/%s                   | ivs              | -                                              | false | false
          DELETE | /tags/%s?tagKeys=a         | ivs              | -                                              | false | false
          GET    | /GetChannel                | ivs              | -                                              | false | false
          POST   | /NoSuchOperation           | ivs              | -                                              | false | false
          POST   | /GetChannel                | -                | -                                              | false | false
          POST   | /GetChannel                | iam              | -                                              | false | false
          POST   | /                          | iam              | form:Action=GetUser&Version=2010-05-08         | true  | false
          POST   | /                          | iam              | form:Action=ListUsers&Version=2010-05-08       | true  | false
          POST   | /                          | iam              | form:Action=ListAttachedRolePolicies&RoleName=r | true | false
          POST   | /                          | iam              | form:Action=CreateUser&UserName=u              | false | false
          POST   | /                          | iam              | form:Action=DeleteUser&UserName=u              | false | false
          POST   | /                          | iam              | form:Action=SimulatePrincipalPolicy            | false | false
          POST   | /                          | iam              | form:Action=GetAccountAuthorizationDetails     | false | false
          POST   | /                          | iam              | form:Action=GetUser&Action=CreateUser          | false | false
          POST   | /                          | iam              | form:Action=CreateUser&Action=GetUser          | true  | false
          POST   | /                          | iam              | form:Action=Get%zzUser                         | false | false
          GET    | /?Action=GetUser&Version=2010-05-08 | iam     | -                                              | true  | false
          POST   | /                          | -                | form:Action=GetUser&Version=2010-05-08         | false | false
          POST   | /                          | sts              | form:Action=GetCallerIdentity&Version=2011-06-15 | true | false
          POST   | /                          | sts              | form:Action=GetSessionToken&Version=2011-06-15 | false | false
          POST   | /                          | sts              | form:Action=AssumeRole&RoleArn=r               | false | false
          POST   | /                          | servicequotas    | target:ServiceQuotasV20190624.GetServiceQuota  | true  | false
          POST   | /                          | servicequotas    | target:ServiceQuotasV20190624.ListServiceQuotas | true | false
          POST   | /                          | servicequotas    | target:ServiceQuotasV20190624.ListTagsForResource | true | false
          POST   | /                          | servicequotas    | target:ServiceQuotasV20190624.RequestServiceQuotaIncrease | false | false
          POST   | /                          | servicequotas    | target:ServiceQuotasV20190624.TagResource      | false | false
          POST   | /                          | servicequotas    | target:Other.GetServiceQuota                   | false | false
          POST   | /                          | monitoring       | form:Action=GetMetricData&Version=2010-08-01   | false | false
          POST   | /                          | monitoring       | form:Action=ListMetrics&Version=2010-08-01     | false | false
          POST   | /                          | cloudtrail       | target:com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents | false | false
          POST   | /                          | access-analyzer  | -                                              | false | false
          GET    | /bucket/key                | s3               | -                                              | false | false
          GET    | /bucket                    | s3               | -                                              | false | false
          """)
  void classification(
      String method, String target, String scope, String marker, boolean embedded, boolean postgres) {
    HttpRequest request = request(method, target.replace("%s", IVS_ARN), scope, marker);

    assertThat(frontDoor(InlineReads.embeddedStore()).answersWithoutBlocking(request))
        .as("embedded store")
        .isEqualTo(embedded);
    assertThat(frontDoor(InlineReads.none()).answersWithoutBlocking(request)).as("PostgreSQL").isEqualTo(postgres);
  }

  /** The pipeline routes a covered request with what classification found: the same as routing it afresh. */
  @ParameterizedTest(name = "{0} {1} [{2}] {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST   | /GetChannel                | ivs              | -
          GET    | /tags/%s                   | ivs              | -
          POST   | /                          | iam              | form:Action=GetUser&Version=2010-05-08
          POST   | /                          | sts              | form:Action=GetCallerIdentity&Version=2011-06-15
          POST   | /                          | servicequotas    | target:ServiceQuotasV20190624.GetServiceQuota
          """)
  void take_returnsTheClassifiedRoutingOnceAndOnlyForThatRequest(
      String method, String target, String scope, String marker) {
    InlineReads inlineReads = InlineReads.embeddedStore();
    HttpRequest request = request(method, target.replace("%s", IVS_ARN), scope, marker);
    HttpRequest sameContent = request(method, target.replace("%s", IVS_ARN), scope, marker);

    assertThat(inlineReads.covers(request, registry)).isTrue();
    InlineReads.Routed routed = inlineReads.take(request);

    ServiceDefinition service = registry.resolve(request, RequestAuthenticator.scopeService(request));
    assertThat(routed).isNotNull();
    assertThat(routed.service()).isSameAs(service);
    assertThat(routed.protocol()).isEqualTo(ProtocolDetector.detect(request, service));
    assertThat(inlineReads.take(request)).as("taken once").isNull();

    assertThat(inlineReads.covers(request, registry)).isTrue();
    assertThat(inlineReads.take(sameContent)).as("another request instance").isNull();
    assertThat(inlineReads.take(request)).as("a miss empties the slot").isNull();
  }

  @ParameterizedTest(name = "{0} {1} [{2}] {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST   | /CreateChannel             | ivs              | -
          POST   | /                          | iam              | form:Action=GetAccountAuthorizationDetails
          POST   | /                          | -                | form:Action=GetUser&Version=2010-05-08
          """)
  void take_isEmptyAfterARequestClassificationRefused(String method, String target, String scope, String marker) {
    InlineReads inlineReads = InlineReads.embeddedStore();
    HttpRequest request = request(method, target, scope, marker);

    assertThat(inlineReads.covers(request, registry)).isFalse();
    assertThat(inlineReads.take(request)).isNull();
  }
}

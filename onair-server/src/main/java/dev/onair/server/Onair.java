package dev.onair.server;

import dev.onair.console.Console;
import dev.onair.console.ConsoleSettings;
import dev.onair.console.session.SharedSessionStore;
import dev.onair.console.session.SignInThrottle;
import dev.onair.iam.AccountBootstrap;
import dev.onair.iam.BootstrapSettings;
import dev.onair.iam.IamCore;
import dev.onair.iam.IamService;
import dev.onair.iam.IamServiceDefinition;
import dev.onair.iam.auth.CachingCredentialResolver;
import dev.onair.iam.auth.CoalescingCredentialResolver;
import dev.onair.iam.auth.IamCredentialResolver;
import dev.onair.iam.auth.IamPrincipalPolicyResolver;
import dev.onair.iam.auth.PendingLastUseStore;
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
import dev.onair.live.LiveDataPlane;
import dev.onair.live.LiveDependencies;
import dev.onair.live.LiveSettings;
import dev.onair.live.cluster.InternalMetadata;
import dev.onair.live.cluster.InternalPlayback;
import dev.onair.live.cluster.LiveCluster;
import dev.onair.monitoring.Monitoring;
import dev.onair.monitoring.MonitoringSettings;
import dev.onair.monitoring.audit.BatchingAuditLog;
import dev.onair.monitoring.prometheus.PrometheusRegistry;
import dev.onair.protocol.Secret;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.s3.S3BucketDirectory;
import dev.onair.s3.ObjectWriter;
import dev.onair.s3.S3Config;
import dev.onair.s3.S3Service;
import dev.onair.s3.S3ServiceDefinition;
import dev.onair.s3.blob.BlobStore;
import dev.onair.s3.blob.FilesystemBlobStore;
import dev.onair.server.config.ServerConfig;
import dev.onair.server.frontdoor.CallObserver;
import dev.onair.server.frontdoor.FrontDoor;
import dev.onair.server.frontdoor.HealthHandler;
import dev.onair.server.frontdoor.InlineReads;
import dev.onair.server.frontdoor.InProcessInvoker;
import dev.onair.server.frontdoor.LocalHandler;
import dev.onair.server.frontdoor.LocalRoutes;
import dev.onair.server.frontdoor.MetricsHandler;
import dev.onair.server.frontdoor.PolicyAuthorizer;
import dev.onair.server.frontdoor.RequestAuthenticator;
import dev.onair.server.frontdoor.ServiceRegistry;
import dev.onair.server.http.NettyHttpServer;
import dev.onair.server.http.WorkerPool;
import dev.onair.server.wiring.CachedGenerationResolver;
import dev.onair.server.wiring.EngineAwsPolicyCatalog;
import dev.onair.server.wiring.IamServiceLinkedRoleCreator;
import dev.onair.server.wiring.InlineReadPool;
import dev.onair.server.wiring.IvsQuotaRegistry;
import dev.onair.server.wiring.LastUseFlusher;
import dev.onair.server.wiring.MonitoringCallObserver;
import dev.onair.server.wiring.MonitoringScheduler;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.Jdbc;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.jdbc.console.JdbcSessionRepository;
import dev.onair.storage.jdbc.iam.JdbcIamStore;
import dev.onair.storage.jdbc.ivs.JdbcIvsRepositories;
import dev.onair.storage.jdbc.live.JdbcLiveSessionRepository;
import dev.onair.storage.jdbc.live.JdbcPublisherLease;
import dev.onair.storage.jdbc.live.JdbcRecordingRepository;
import dev.onair.storage.jdbc.monitoring.JdbcAlarmRepository;
import dev.onair.storage.jdbc.monitoring.JdbcAuditLog;
import dev.onair.storage.jdbc.monitoring.JdbcMetricStore;
import dev.onair.storage.jdbc.monitoring.JdbcQuotaStore;
import dev.onair.storage.jdbc.monitoring.JdbcTags;
import dev.onair.storage.jdbc.s3.JdbcBucketRepository;
import dev.onair.storage.objectstore.ExternalBlobStore;
import dev.onair.storage.objectstore.ExternalObjectWriter;
import dev.onair.storage.objectstore.ObjectStoreException;
import dev.onair.storage.objectstore.S3ObjectStoreClient;
import dev.onair.sigv4.SignatureV4Verifier;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds and connects the modules, by constructor, in dependency order.
 * Everything it opens is closed in reverse order by {@link #close()}.
 */
public final class Onair implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Onair.class);
  private static final int WORKER_THREADS = 32;
  private static final int WORKER_QUEUE = 1024;
  private static final int DATABASE_POOL = 16;
  private static final Duration CREDENTIAL_MAX_AGE_EMBEDDED = Duration.ofSeconds(1);

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final AtomicBoolean ready = new AtomicBoolean();
  private volatile InetSocketAddress httpAddress;
  private String accountId;
  private Path credentialsFile;

  private Onair() {}

  public static Onair start(ServerConfig config) throws Exception {
    Onair onair = new Onair();
    try {
      onair.wire(config, Clock.systemUTC());
    } catch (Exception | Error e) {
      onair.close();
      throw e;
    }
    return onair;
  }

  private void wire(ServerConfig config, Clock clock) throws Exception {
    Database database = Database.open(databaseSettings(config));
    resources.push(database);
    // The embedded store is in this process: the event loops answer its declared reads themselves, with
    // connections of their own (ARCHITECTURE.md, request path). On PostgreSQL a read is network I/O: no such reads.
    boolean embeddedStore = database.dialect() == Database.Dialect.H2;
    Jdbc jdbc = embeddedStore
        ? new Jdbc(opened(InlineReadPool.open(database, NettyHttpServer.EVENT_LOOPS)))
        : database.jdbc();
    SecretCipher cipher = SecretCipher.load(config.dataDir(), reveal(config.masterKey()));
    IamStore storedIam = new JdbcIamStore(jdbc, cipher);
    // last use is written every few seconds, not per request; IAM's reads see this node's pending uses
    CoalescingCredentialResolver lastUse = new CoalescingCredentialResolver(new IamCredentialResolver(storedIam));
    resources.push(LastUseFlusher.start(lastUse, LastUseFlusher.DEFAULT_INTERVAL));
    // resolved credentials are reused for at most the policy cache's bound (ARCHITECTURE "Scale-out")
    CachingCredentialResolver credentialResolver =
        new CachingCredentialResolver(
            lastUse,
            CachedGenerationResolver.cached(
                storedIam.accounts()::generation, generationTtl(config), JdbcIamStore::localGenerationBumps),
            credentialMaxAge(config));
    IamStore iamStore = new PendingLastUseStore(storedIam, lastUse, credentialResolver::invalidate);
    IamCore iamCore = new IamCore(iamStore, EngineAwsPolicyCatalog.load(), clock);
    AccountBootstrap.Result bootstrap =
        new AccountBootstrap(iamStore, clock)
            .ensure(
                new BootstrapSettings(
                    config.dataDir(),
                    config.accountId(),
                    reveal(config.rootPassword()),
                    config.adminAccessKeyId(),
                    reveal(config.adminSecretAccessKey())));
    accountId = bootstrap.account().accountId();
    credentialsFile = bootstrap.credentialsFile();
    String account = accountId;

    List<String> s3Hosts = List.of("s3.localhost", "localhost", config.publicHost());
    JdbcBucketRepository bucketRepository = new JdbcBucketRepository(jdbc);
    BlobStore blobStore = blobStore(config, clock);
    S3Service s3 = new S3Service(bucketRepository, blobStore, S3Config.of(s3Hosts), clock);
    IamService iam = new IamService(iamCore);
    S3BucketDirectory bucketDirectory = new S3BucketDirectory(bucketRepository, blobStore);

    // the audit trail is written in batches off the request path; closed (drained) before the database
    BatchingAuditLog auditLog =
        new BatchingAuditLog(
                new JdbcAuditLog(jdbc), BatchingAuditLog.DEFAULT_CAPACITY, BatchingAuditLog.MAX_BATCH)
            .start();
    resources.push(auditLog);
    IvsQuotas ivsQuotas = new IvsQuotas();
    JdbcIvsRepositories ivsRepositories = JdbcIvsRepositories.create(jdbc, cipher);
    Monitoring monitoring =
        new Monitoring(
            new JdbcMetricStore(jdbc),
            new JdbcAlarmRepository(jdbc),
            new JdbcTags(jdbc),
            new IvsQuotaRegistry(ivsQuotas),
            new JdbcQuotaStore(jdbc),
            auditLog,
            clock,
            MonitoringSettings.defaults().withAlarmEvaluationInterval(config.alarmEvaluationInterval()));
    monitoring.start();
    monitoring
        .prometheus()
        .gauge(
            "onair_audit_events_dropped",
            "Audit events dropped because the audit queue was full.",
            () -> (double) auditLog.droppedCount());
    resources.push(MonitoringScheduler.start(monitoring));

    // The data plane: RTMP(S) ingest, live state, playback, recording (onair-live/WIRING.md).
    LiveDataPlane live =
        LiveDataPlane.start(
            new LiveSettings(
                config.bind(),
                config.rtmpPort(),
                config.rtmpsPort(),
                config.dataDir(),
                config.publicHost(),
                config.tlsCertificate(),
                config.tlsPrivateKey(),
                Duration.ofSeconds(5),
                config.playbackCountryHeader()),
            new LiveDependencies(
                ivsRepositories.channels(),
                ivsRepositories.streamKeys(),
                ivsRepositories.recordingConfigurations(),
                ivsRepositories.playbackKeyPairs(),
                ivsRepositories.viewerSessionRevocations(),
                new JdbcLiveSessionRepository(jdbc),
                new JdbcRecordingRepository(jdbc),
                recordingWriter(config, bucketRepository, bucketDirectory, clock),
                monitoring.metricPublisher(),
                new IdGenerator(),
                clock,
                ivsRepositories.playbackRestrictionPolicies()),
            new LiveCluster(
                LiveCluster.newNodeId(),
                () -> nodeAddress(config),
                new JdbcPublisherLease(jdbc),
                LiveCluster.DEFAULT_LEASE_TTL,
                cipher.deriveKey("onair-internal-route-v1"),
                !embeddedStore));
    resources.push(live);

    IvsDependencies ivsDependencies =
        new IvsDependencies(
            ivsRepositories.channels(),
            ivsRepositories.streamKeys(),
            ivsRepositories.recordingConfigurations(),
            ivsRepositories.playbackKeyPairs(),
            ivsRepositories.playbackRestrictionPolicies(),
            ivsRepositories.viewerSessionRevocations(),
            ivsRepositories.tags(),
            live.liveStreamState(),
            bucketDirectory::exists,
            new IamServiceLinkedRoleCreator(iamStore, iam.roles()),
            new IvsEndpoints(config.publicHost(), config.httpPort(), config.rtmpPort(), config.rtmpsPort()),
            ivsQuotas,
            IvsThrottle.disabled(clock),
            new IdGenerator(),
            clock);

    List<ServiceDefinition> serviceDefinitions = new ArrayList<>();
    serviceDefinitions.add(IamServiceDefinition.create(iam));
    serviceDefinitions.add(StsServiceDefinition.create(new StsService(iamCore)));
    serviceDefinitions.add(dev.onair.iam.analyzer.AccessAnalyzerServiceDefinition.create());
    serviceDefinitions.add(S3ServiceDefinition.create(s3));
    serviceDefinitions.add(IvsServiceDefinition.create(new IvsService(ivsDependencies)));
    serviceDefinitions.addAll(monitoring.serviceDefinitions());
    ServiceRegistry services = ServiceRegistry.of(serviceDefinitions);

    PolicyAuthorizer authorizer = new PolicyAuthorizer(
            new CachedGenerationResolver(
                new IamPrincipalPolicyResolver(iamCore), generationTtl(config), JdbcIamStore::localGenerationBumps));
    CallObserver observer = new MonitoringCallObserver(monitoring.auditLog(), monitoring.operatorMetrics());
    // The console acts as the signed-in principal through the same authorize-and-run step as the API.
    Console console =
        new Console(
            new InProcessInvoker(services, authorizer, config.region(), clock, observer),
            iamStore,
            clock,
            new ConsoleSettings(config.rtmpPort(), config.rtmpsPort()),
            // signed-in sessions in the database, so any node serves any browser (ARCHITECTURE "Scale-out")
            SharedSessionStore.withDefaults(
                new JdbcSessionRepository(jdbc), cipher.deriveKey("onair-console-csrf-v1"), clock),
            new SignInThrottle(clock, SignInThrottle.Limits.defaults()));
    LocalRoutes routes =
        LocalRoutes.builder()
            .exact("/_onair/health", new HealthHandler(ready::get))
            .exact(
                "/_onair/metrics",
                new MetricsHandler(monitoring.prometheus()::scrape, PrometheusRegistry.CONTENT_TYPE))
            .exact("/console", LocalHandler.sync(console::handle))
            .prefix("/console/", LocalHandler.sync(console::handle))
            // served from memory on the event loop unless it needs the store (LocalHandler, PlaybackRoutes)
            .prefix("/api/video/v1/", LocalHandler.of((request, requestId) -> live.playback().handle(request),
                request -> live.playback().answersWithoutBlocking(request)))
            // forwarded playback from other nodes; refused without their HMAC (ARCHITECTURE.md, Scale-out)
            .prefix(InternalPlayback.PREFIX + "/",
                (request, requestId) -> live.internalPlayback().handle(request))
            // PutMetadata forwarded from other nodes for a broadcast held here; refused without their HMAC
            .prefix(InternalMetadata.PREFIX + "/",
                (request, requestId) -> live.internalMetadata().handle(request))
            .build();
    RequestAuthenticator authenticator =
        new RequestAuthenticator(
            credentialResolver, new SignatureV4Verifier(), () -> account, config.region());
    FrontDoor frontDoor =
        new FrontDoor(routes, services, authenticator, authorizer, () -> account, clock, observer,
            embeddedStore ? InlineReads.embeddedStore() : InlineReads.none());

    NettyHttpServer http =
        new NettyHttpServer(
            config.bind(),
            config.httpPort(),
            config.maxRequestBytes(),
            frontDoor,
            WorkerPool.create(WORKER_THREADS, WORKER_QUEUE),
            clock);
    resources.push(http);
    httpAddress = http.start();
    ready.set(true);
    LOG.info(
        "account {}; services {}",
        accountId,
        services.services().stream().map(ServiceDefinition::signingName).toList());
  }

  private <T extends AutoCloseable> T opened(T resource) {
    resources.push(resource);
    return resource;
  }

  /**
   * The S3 API's object bytes: in the operator's S3-compatible store when one is configured, under {@code
   * onair-s3/<bucket>/} in its bucket, so that any node reads what any node wrote; otherwise in this node's data
   * directory.
   */
  private static BlobStore blobStore(ServerConfig config, Clock clock) {
    if (config.objectStore() == null) {
      return new FilesystemBlobStore(config.dataDir().resolve("s3"), clock);
    }
    LOG.info("S3 API objects go to {} under onair-s3/", config.objectStore());
    return new ExternalBlobStore(
        new S3ObjectStoreClient(config.objectStore(), clock), config.dataDir().resolve("s3").resolve("spool"), clock);
  }

  /**
   * Recordings go to the operator's S3-compatible store when one is configured, so that every node writes to the
   * same place; otherwise into Onair's own S3 (the data directory).
   */
  private static ObjectWriter recordingWriter(
      ServerConfig config, JdbcBucketRepository buckets, ObjectWriter local, Clock clock) {
    if (config.objectStore() == null) {
      return local;
    }
    S3ObjectStoreClient client = new S3ObjectStoreClient(config.objectStore(), clock);
    try {
      client.createBucketIfMissing();
    } catch (ObjectStoreException e) {
      // the store may come up after Onair; recordings fail (and say why) until it does
      LOG.warn("object store {} not reachable at start: {}", config.objectStore().endpoint(), e.getMessage());
    }
    LOG.info("recordings go to {}", config.objectStore());
    return new ExternalObjectWriter(buckets, client);
  }

  /**
   * Where other nodes reach this one for forwarded playback: the operator's ONAIR_NODE_ADDRESS, else the bind
   * address (the host name for a wildcard bind) and the bound HTTP port. Null until the HTTP listener is bound:
   * no encoder can be admitted before that anyway.
   */
  private String nodeAddress(ServerConfig config) {
    if (config.nodeAddress() != null) {
      return config.nodeAddress();
    }
    InetSocketAddress bound = httpAddress;
    if (bound == null) {
      return null;
    }
    String host = config.bind();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        return null;
      }
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return host + ":" + bound.getPort();
  }

  /**
   * On PostgreSQL the policy cache's TTL (other nodes' key changes are seen within it). The embedded store is a
   * single node: every key change goes through this process and invalidates the entry, and every user or role
   * change bumps the generation read per request, so the age limit is only a backstop there.
   */
  private static Duration credentialMaxAge(ServerConfig config) {
    Duration ttl = config.policyCacheTtl();
    return config.databaseUrl() == null && ttl.isZero() ? CREDENTIAL_MAX_AGE_EMBEDDED : ttl;
  }

  /**
   * The embedded store has no other writer: every IAM change commits in this process and invalidates the cached
   * generation at once, so its default TTL of 0 (bound 0) holds without a read per request; the age limit there
   * is only a backstop. On PostgreSQL the configured TTL is the bound for other nodes' changes.
   */
  private static Duration generationTtl(ServerConfig config) {
    Duration ttl = config.policyCacheTtl();
    return config.databaseUrl() == null && ttl.isZero() ? CREDENTIAL_MAX_AGE_EMBEDDED : ttl;
  }

  private static DatabaseSettings databaseSettings(ServerConfig config) {
    if (config.databaseUrl() == null) {
      return DatabaseSettings.embedded(config.dataDir());
    }
    return new DatabaseSettings(config.dataDir(), config.databaseUrl().reveal(), DATABASE_POOL);
  }

  private static String reveal(Secret secret) {
    return secret == null ? null : secret.reveal();
  }

  /** Where first-start secrets were written on this start; null when none were generated. */
  public Path credentialsFile() {
    return credentialsFile;
  }

  public InetSocketAddress httpAddress() {
    return httpAddress;
  }

  public String accountId() {
    return accountId;
  }

  /** Stops accepting, drains in-flight requests, then closes storage; safe to call twice. */
  @Override
  public void close() {
    ready.set(false);
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", resource.getClass().getSimpleName(), e);
      }
    }
  }
}

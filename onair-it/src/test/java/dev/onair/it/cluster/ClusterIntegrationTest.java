package dev.onair.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.it.OnairProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.IvsException;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.RequestStatus;

/**
 * Three nodes on one PostgreSQL: any node answers any call, access keys and policies take effect on every node
 * within the documented bound (docs/ARCHITECTURE.md, "Scale-out"), and races between nodes have one winner.
 */
@ExtendWith(ClusterIntegrationTest.PrintLogsOnFailure.class)
class ClusterIntegrationTest {
  /** The policy-generation TTL on PostgreSQL; a change must be enforced everywhere within it (plus a request). */
  private static final Duration BOUND = Duration.ofSeconds(1);
  private static final int RACE_ROUNDS = 5;

  private static Cluster cluster;

  @BeforeAll
  static void start() {
    cluster = Cluster.start(3);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static final class PrintLogsOnFailure implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (cluster != null) {
        System.out.println(cluster.logs());
      }
    }
  }

  private static OnairProcess a() {
    return cluster.node(0);
  }

  private static OnairProcess b() {
    return cluster.node(1);
  }

  private static OnairProcess c() {
    return cluster.node(2);
  }

  @Test
  void iamUser_createdOnA_isReadUpdatedAndDeletedThroughOtherNodes() {
    Cluster.iam(a()).createUser(r -> r.userName("crossnode").path("/team/"));

    assertThat(Cluster.iam(b()).getUser(r -> r.userName("CrossNode")).user().path()).isEqualTo("/team/");
    Cluster.iam(b()).updateUser(r -> r.userName("crossnode").newUserName("crossnode2"));
    assertThat(Cluster.iam(c()).getUser(r -> r.userName("crossnode2")).user().arn())
        .isEqualTo("arn:aws:iam::" + OnairProcess.ACCOUNT_ID + ":user/team/crossnode2");
    Cluster.iam(c()).deleteUser(r -> r.userName("crossnode2"));
    assertThatThrownBy(() -> Cluster.iam(a()).getUser(r -> r.userName("crossnode2")))
        .isInstanceOf(NoSuchEntityException.class);
  }

  @Test
  void ivsChannel_createdOnA_isReadUpdatedAndDeletedThroughOtherNodes() {
    Channel created = Cluster.ivs(a()).createChannel(r -> r.name("cross-node")).channel();

    assertThat(Cluster.ivs(b()).getChannel(r -> r.arn(created.arn())).channel().name()).isEqualTo("cross-node");
    Cluster.ivs(b()).updateChannel(r -> r.arn(created.arn()).name("renamed-on-b"));
    assertThat(Cluster.ivs(c()).getChannel(r -> r.arn(created.arn())).channel().name()).isEqualTo("renamed-on-b");
    assertThat(Cluster.ivs(c()).listStreamKeys(r -> r.channelArn(created.arn())).streamKeys()).hasSize(1);
    Cluster.ivs(c()).deleteChannel(r -> r.arn(created.arn()));
    assertThatThrownBy(() -> Cluster.ivs(a()).getChannel(r -> r.arn(created.arn())))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void accessKey_createdOnA_signsOnBAtOnce_andPolicyChangesReachBWithinTheBound() throws Exception {
    IamClient adminA = Cluster.iam(a());
    adminA.createUser(r -> r.userName("signer"));
    AccessKey key = adminA.createAccessKey(r -> r.userName("signer")).accessKey();
    AwsCredentials credentials = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    IamClient signerOnB = Cluster.iam(b(), credentials);

    // unknown keys are never cached: the new key is known to B immediately
    assertThatThrownBy(() -> signerOnB.listUsers())
        .isInstanceOf(IamException.class)
        .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(403));

    adminA.putUserPolicy(r -> r.userName("signer").policyName("list")
        .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}"));
    Duration granted = timeUntil(() -> succeeds(signerOnB::listUsers));
    assertThat(granted).isLessThanOrEqualTo(BOUND.plusMillis(500));

    adminA.deleteUserPolicy(r -> r.userName("signer").policyName("list"));
    Duration revoked = timeUntil(() -> !succeeds(signerOnB::listUsers));
    assertThat(revoked).isLessThanOrEqualTo(BOUND.plusMillis(500));

    adminA.deleteAccessKey(r -> r.userName("signer").accessKeyId(key.accessKeyId()));
    // B has the credential cached: it must refuse the deleted key within the same bound
    Duration keyRefused = timeUntil(() -> "InvalidClientTokenId".equals(errorCode(signerOnB::listUsers)));
    assertThat(keyRefused).isLessThanOrEqualTo(BOUND.plusMillis(500));
    // C never saw the key: refused at once
    assertThatThrownBy(() -> Cluster.iam(c(), credentials).listUsers())
        .isInstanceOf(IamException.class)
        .satisfies(e -> assertThat(((IamException) e).awsErrorDetails().errorCode())
            .isEqualTo("InvalidClientTokenId"));
    System.out.println("policy change reached node B after " + granted.toMillis() + " ms (grant) and "
        + revoked.toMillis() + " ms (revoke); deleted key refused by B after " + keyRefused.toMillis()
        + " ms; bound " + BOUND.toMillis() + " ms");
  }

  @Test
  void channelQuota_raisedOnA_isEnforcedByBWithinTheBound() throws Exception {
    Region region = Region.EU_CENTRAL_1; // a region of its own: no other test's channels count
    try (ServiceQuotasClient quotasA = Cluster.serviceQuotas(a(), region);
        ServiceQuotasClient quotasB = Cluster.serviceQuotas(b(), region);
        IvsClient ivsB = Cluster.ivs(b(), region)) {
      String code = quotasA.listServiceQuotasPaginator(r -> r.serviceCode("ivs")).quotas().stream()
          .filter(q -> q.quotaName().equals("Channels")).findFirst().orElseThrow().quotaCode();
      setQuota(quotasA, code, 2);
      Duration lowered = timeUntil(() -> quotaValue(quotasB, code) == 2);
      assertThat(lowered).isLessThanOrEqualTo(BOUND.plusMillis(500));
      ivsB.createChannel(r -> r.name("quota-1"));
      ivsB.createChannel(r -> r.name("quota-2"));
      assertThatThrownBy(() -> ivsB.createChannel(r -> r.name("quota-3")))
          .isInstanceOf(ServiceQuotaExceededException.class);

      setQuota(quotasA, code, 3);
      Duration raised = timeUntil(() -> createsChannel(ivsB, "quota-3"));
      assertThat(raised).isLessThanOrEqualTo(BOUND.plusMillis(500));
      assertThat(ivsB.listChannels(r -> r.maxResults(100)).channels()).hasSize(3);
      assertThat(quotaValue(quotasB, code)).isEqualTo(3);
      System.out.println("channel quota set on node A enforced by node B after " + lowered.toMillis()
          + " ms (to 2) and " + raised.toMillis() + " ms (to 3); bound " + BOUND.toMillis() + " ms");
    }
  }

  private static void setQuota(ServiceQuotasClient quotas, String code, double value) {
    var request = quotas.requestServiceQuotaIncrease(r -> r.serviceCode("ivs").quotaCode(code).desiredValue(value))
        .requestedQuota();
    assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
    // the approving node enforces the value at once
    assertThat(quotaValue(quotas, code)).isEqualTo(value);
  }

  private static double quotaValue(ServiceQuotasClient quotas, String code) {
    return quotas.getServiceQuota(r -> r.serviceCode("ivs").quotaCode(code)).quota().value();
  }

  private static boolean createsChannel(IvsClient ivs, String name) {
    try {
      ivs.createChannel(r -> r.name(name));
      return true;
    } catch (ServiceQuotaExceededException refused) {
      return false;
    }
  }

  @Test
  void createUser_racedOnTwoNodesInDifferentCase_exactlyOneWins() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      String name = "racer" + round;
      List<Boolean> results = race(
          () -> createUser(Cluster.iam(a()), name),
          () -> createUser(Cluster.iam(b()), name.toUpperCase(java.util.Locale.ROOT)));
      assertThat(results).as("round %d", round).containsOnlyOnce(true);
      assertThat(Cluster.iam(c()).listUsers().users()).filteredOn(u -> u.userName().equalsIgnoreCase(name))
          .hasSize(1);
    }
  }

  @Test
  void createStreamKey_racedForTheChannelsOnlyKeyOnTwoNodes_exactlyOneWins() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      CreateChannelResponse channel = Cluster.ivs(a()).createChannel(r -> r.name("race-keys"));
      String channelArn = channel.channel().arn();
      Cluster.ivs(a()).deleteStreamKey(r -> r.arn(channel.streamKey().arn()));

      List<Boolean> results = race(
          () -> createStreamKey(Cluster.ivs(a()), channelArn),
          () -> createStreamKey(Cluster.ivs(b()), channelArn));
      assertThat(results).as("round %d", round).containsOnlyOnce(true);
      assertThat(Cluster.ivs(c()).listStreamKeys(r -> r.channelArn(channelArn)).streamKeys()).hasSize(1);
    }
  }

  private static boolean createUser(IamClient iam, String name) {
    try {
      iam.createUser(r -> r.userName(name));
      return true;
    } catch (EntityAlreadyExistsException lost) {
      return false;
    }
  }

  private static boolean createStreamKey(IvsClient ivs, String channelArn) {
    try {
      ivs.createStreamKey(r -> r.channelArn(channelArn));
      return true;
    } catch (ServiceQuotaExceededException lost) {
      return false;
    } catch (IvsException other) {
      throw new AssertionError("unexpected " + other.awsErrorDetails().errorCode(), other);
    }
  }

  /** Runs the contenders at the same instant (a barrier), each on its own thread and its own node. */
  @SafeVarargs
  private static List<Boolean> race(Supplier<Boolean>... contenders) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(contenders.length);
    try {
      CyclicBarrier start = new CyclicBarrier(contenders.length);
      List<Future<Boolean>> futures = new ArrayList<>();
      for (Supplier<Boolean> contender : contenders) {
        futures.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return contender.get();
        }));
      }
      List<Boolean> results = new ArrayList<>();
      for (Future<Boolean> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The AWS error code of {@code call}, or null when it succeeds. */
  private static String errorCode(Runnable call) {
    try {
      call.run();
      return null;
    } catch (IamException e) {
      return e.awsErrorDetails().errorCode();
    }
  }

  private static boolean succeeds(Runnable call) {
    try {
      call.run();
      return true;
    } catch (IamException denied) {
      if (denied.statusCode() != 403) {
        throw denied;
      }
      return false;
    }
  }

  /** How long until {@code condition} holds, polling every 50 ms; fails after 10 s. */
  private static Duration timeUntil(Supplier<Boolean> condition) throws InterruptedException {
    long started = System.nanoTime();
    while (!condition.get()) {
      if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(10)) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(50);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }
}

package dev.onair.ivs;

import dev.onair.ivs.fakes.FakeAuthorizer;
import dev.onair.ivs.fakes.FakeLiveStreamState;
import dev.onair.ivs.fakes.FakeServiceLinkedRoleCreator;
import dev.onair.ivs.fakes.InMemoryChannelRepository;
import dev.onair.ivs.fakes.InMemoryPlaybackKeyPairRepository;
import dev.onair.ivs.fakes.InMemoryPlaybackRestrictionPolicyRepository;
import dev.onair.ivs.fakes.InMemoryRecordingConfigurationRepository;
import dev.onair.ivs.fakes.InMemoryStreamKeyRepository;
import dev.onair.ivs.fakes.InMemoryTagRepository;
import dev.onair.ivs.fakes.InMemoryViewerSessionRevocationRepository;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The IVS service over in-memory fakes, called the way the front door calls it: checks first, then handler. */
public final class IvsHarness {
  public static final String ACCOUNT = "111122223333";
  public static final String REGION = "us-west-2";

  public final FakeAuthorizer authorizer = new FakeAuthorizer();
  public final FakeLiveStreamState live = new FakeLiveStreamState();
  public final FakeServiceLinkedRoleCreator roles = new FakeServiceLinkedRoleCreator();
  public final Set<String> buckets = new java.util.HashSet<>();
  public final IvsQuotas quotas = new IvsQuotas();
  public final IvsThrottle throttle;
  public final IvsDependencies deps;
  public final ServiceDefinition definition;
  public String region = REGION;

  public IvsHarness() {
    Clock clock = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
    throttle = IvsThrottle.disabled(clock);
    InMemoryStreamKeyRepository streamKeys = new InMemoryStreamKeyRepository();
    InMemoryTagRepository tags = new InMemoryTagRepository();
    InMemoryViewerSessionRevocationRepository revocations = new InMemoryViewerSessionRevocationRepository();
    deps = new IvsDependencies(
        new InMemoryChannelRepository(streamKeys, tags, revocations), streamKeys,
        new InMemoryRecordingConfigurationRepository(), new InMemoryPlaybackKeyPairRepository(),
        new InMemoryPlaybackRestrictionPolicyRepository(), revocations, tags, live,
        (account, bucketRegion, bucket) -> buckets.contains(account + "/" + bucketRegion + "/" + bucket),
        roles, new IvsEndpoints("onair.example", 8080, 1935, 0), quotas, throttle, new IdGenerator(), clock);
    definition = IvsServiceDefinition.create(new IvsService(deps));
  }

  public CallContext context() {
    Caller caller = new Caller(Caller.CallerType.ROOT, ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT,
        null, "AKIAEXAMPLE", null, null, null, Map.of());
    HttpRequest request = new HttpRequest("POST", "/", "", HttpHeaders.EMPTY, new byte[0], "127.0.0.1", false);
    return new CallContext("req-1", ACCOUNT, region, caller, Instant.parse("2024-01-01T00:00:00Z"), request,
        authorizer);
  }

  public OperationResult.Output callRaw(String operationName, StructNode input) {
    Operation operation = definition.operation(operationName);
    if (operation == null) {
      throw new IllegalArgumentException("no operation " + operationName);
    }
    CallContext context = context();
    for (AuthorizationCheck check : operation.authorization().checks(context, input)) {
      authorizer.require(context, check);
    }
    return (OperationResult.Output) operation.handler().handle(context, input);
  }

  public StructNode call(String operationName, Object... membersAndValues) {
    return callRaw(operationName, input(membersAndValues)).body();
  }

  public AwsServiceException fail(String operationName, Object... membersAndValues) {
    try {
      callRaw(operationName, input(membersAndValues));
    } catch (AwsServiceException e) {
      return e;
    }
    throw new AssertionError(operationName + " succeeded but was expected to fail");
  }

  /** Builds input from pairs; values may be String, Boolean, Number, List, Map or Node. */
  public static StructNode input(Object... membersAndValues) {
    Map<String, Node> members = new LinkedHashMap<>();
    for (int i = 0; i < membersAndValues.length; i += 2) {
      members.put((String) membersAndValues[i], node(membersAndValues[i + 1]));
    }
    return new StructNode(members);
  }

  @SuppressWarnings("unchecked")
  public static Node node(Object value) {
    if (value instanceof Node node) {
      return node;
    }
    if (value instanceof String text) {
      return new StringNode(text);
    }
    if (value instanceof Boolean bool) {
      return dev.onair.protocol.tree.BooleanNode.of(bool);
    }
    if (value instanceof Number number) {
      return dev.onair.protocol.tree.NumberNode.of(number.longValue());
    }
    if (value instanceof List<?> list) {
      return ListNode.map(list, IvsHarness::node);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Node> entries = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> entries.put(k, node(v)));
      return new MapNode(entries);
    }
    throw new IllegalArgumentException("unsupported " + value);
  }

  public static StructNode struct(StructNode node, String member) {
    return node.struct(member);
  }

  public String createChannel(Object... membersAndValues) {
    return call("CreateChannel", membersAndValues).struct("channel").string("arn");
  }
}

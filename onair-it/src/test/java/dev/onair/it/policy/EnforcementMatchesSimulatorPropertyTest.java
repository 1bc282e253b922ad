package dev.onair.it.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.iam.AccountBootstrap;
import dev.onair.iam.BootstrapSettings;
import dev.onair.iam.IamCore;
import dev.onair.iam.IamService;
import dev.onair.iam.auth.IamPrincipalPolicyResolver;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.Authorizer;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import dev.onair.server.frontdoor.PolicyAuthorizer;
import dev.onair.server.wiring.EngineAwsPolicyCatalog;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.jdbc.iam.JdbcIamStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For random small policies and requests, the decision enforcement takes (the front door's PolicyAuthorizer over
 * the policies IamPrincipalPolicyResolver gathers from the store) equals the EvalDecision of
 * SimulatePrincipalPolicy for that user and of SimulateCustomPolicy for the same document. In process, over the
 * real H2 store, because hundreds of cases through HTTP would dominate the suite's time without adding coverage.
 */
class EnforcementMatchesSimulatorPropertyTest {
  static final String ACCOUNT = "123456789012";
  static final String USER = "prop";
  static final String USER_ARN = "arn:aws:iam::" + ACCOUNT + ":user/" + USER;
  static final List<String> ACTIONS =
      List.of("ivs:GetChannel", "ivs:DeleteChannel", "ivs:CreateChannel", "ivs:ListChannels", "s3:GetObject",
          "iam:ListAccessKeys");
  static final List<String> RESOURCES =
      List.of("arn:aws:ivs:us-west-2:" + ACCOUNT + ":channel/AbCdEfGhIjKl",
          "arn:aws:ivs:us-east-1:" + ACCOUNT + ":channel/zzzzzzzzzzzz", "arn:aws:s3:::media/prop/clip.mp4",
          "arn:aws:iam::" + ACCOUNT + ":user/prop", "arn:aws:iam::" + ACCOUNT + ":user/other");

  static Path dataDir;
  static Database database;
  static IamService iam;
  static Authorizer enforcement;
  static Caller caller;

  /** One request: the action, the resource, and the context keys both paths are given. */
  record Request(String action, String resource, String requestTeam, String resourceTeam, boolean secure) {}

  @BeforeContainer
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("onair-it-property");
    database = Database.open(DatabaseSettings.embedded(dataDir));
    JdbcIamStore store = new JdbcIamStore(database.jdbc(), SecretCipher.load(dataDir, null));
    Clock clock = Clock.systemUTC();
    IamCore core = new IamCore(store, EngineAwsPolicyCatalog.load(), clock);
    new AccountBootstrap(store, clock).ensure(new BootstrapSettings(dataDir, ACCOUNT, null, null, null));
    iam = new IamService(core);
    enforcement = new PolicyAuthorizer(new IamPrincipalPolicyResolver(core))
        .forService(ErrorCode.of("AccessDenied", 403));
    Caller admin = new Caller(Caller.CallerType.ROOT, ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT,
        null, null, null, null, null, Map.of());
    StructNode created = iam.users().createUser(context(admin, false), struct("UserName", USER));
    String userId = created.struct("User").string("UserId");
    caller = new Caller(Caller.CallerType.USER, ACCOUNT, USER_ARN, userId, USER, "AKIAPROPERTYTEST0001", null, null,
        null, Map.of());
  }

  @AfterContainer
  static void stop() throws Exception {
    database.close();
    try (var paths = Files.walk(dataDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Property(tries = 200)
  void enforcement_equalsSimulators(@ForAll("policies") String policy, @ForAll("requests") Request request) {
    iam.inlinePolicies().putUserPolicy(context(caller, false),
        struct("UserName", USER, "PolicyName", "p", "PolicyDocument", policy));
    String enforced = enforce(request);
    Statistics.collect(enforced);
    assertThat(simulatePrincipal(request)).as("SimulatePrincipalPolicy for %s", policy).isEqualTo(enforced);
    assertThat(simulateCustom(policy, request)).as("SimulateCustomPolicy for %s", policy).isEqualTo(enforced);
  }

  private static String enforce(Request request) {
    AuthorizationCheck check = AuthorizationCheck.of(request.action(), request.resource());
    if (request.requestTeam() != null) {
      check = check.withRequestTags(Map.of("team", request.requestTeam()));
    }
    if (request.resourceTeam() != null) {
      check = check.withResourceTags(Map.of("team", request.resourceTeam()));
    }
    try {
      enforcement.require(context(caller, request.secure()), check);
      return "allowed";
    } catch (AwsServiceException denied) {
      return denied.getMessage().contains("with an explicit deny") ? "explicitDeny" : "implicitDeny";
    }
  }

  private static String simulatePrincipal(Request request) {
    StructNode input = simulationInput(request).with("PolicySourceArn", new dev.onair.protocol.tree.StringNode(
        USER_ARN));
    return decision(iam.simulation().simulatePrincipalPolicy(context(caller, false), input));
  }

  private static String simulateCustom(String policy, Request request) {
    StructNode input = simulationInput(request)
        .with("PolicyInputList", ListNode.ofStrings(List.of(policy)))
        .with("CallerArn", new dev.onair.protocol.tree.StringNode(USER_ARN));
    return decision(iam.simulation().simulateCustomPolicy(context(caller, false), input));
  }

  /** The context entries carry what enforcement derives from the request: transport, tags, the user name. */
  private static StructNode simulationInput(Request request) {
    List<Node> entries = new ArrayList<>();
    entries.add(entry("aws:SecureTransport", "boolean", List.of(Boolean.toString(request.secure()))));
    entries.add(entry("aws:username", "string", List.of(USER)));
    if (request.requestTeam() != null) {
      entries.add(entry("aws:RequestTag/team", "string", List.of(request.requestTeam())));
      entries.add(entry("aws:TagKeys", "stringList", List.of("team")));
    }
    if (request.resourceTeam() != null) {
      entries.add(entry("aws:ResourceTag/team", "string", List.of(request.resourceTeam())));
    }
    return StructNode.builder()
        .put("ActionNames", ListNode.ofStrings(List.of(request.action())))
        .put("ResourceArns", ListNode.ofStrings(List.of(request.resource())))
        .put("ContextEntries", new ListNode(entries))
        .build();
  }

  private static Node entry(String key, String type, List<String> values) {
    return StructNode.builder().put("ContextKeyName", key).put("ContextKeyType", type)
        .put("ContextKeyValues", ListNode.ofStrings(values)).build();
  }

  private static String decision(StructNode output) {
    StructNode result = (StructNode) output.list("EvaluationResults").items().get(0);
    return result.string("EvalDecision");
  }

  @Provide
  Arbitrary<String> policies() {
    Arbitrary<String> action = Arbitraries.of("ivs:GetChannel", "ivs:Get*", "ivs:*", "ivs:?etChannel",
        "IVS:deletechannel", "ivs:List*", "s3:GetObject", "iam:*AccessKeys", "*");
    Arbitrary<String> resource = Arbitraries.of("*", "arn:aws:ivs:*:" + ACCOUNT + ":channel/*",
        "arn:aws:ivs:us-west-2:*:channel/AbCdEfGhIjKl", "arn:aws:s3:::media/${aws:username}/*",
        "arn:aws:iam::*:user/${aws:username}", "arn:aws:ivs:us-east-1:*:*", "arn:aws:s3:::*");
    Arbitrary<String> condition = Arbitraries.of("",
        ",\"Condition\":{\"StringEquals\":{\"aws:RequestTag/team\":\"blue\"}}",
        ",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":[\"blue\",\"green\"]}}",
        ",\"Condition\":{\"StringNotEquals\":{\"aws:ResourceTag/team\":\"red\"}}",
        ",\"Condition\":{\"StringLikeIfExists\":{\"aws:RequestTag/team\":\"b*\"}}",
        ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}",
        ",\"Condition\":{\"Null\":{\"aws:RequestTag/team\":\"true\"}}",
        ",\"Condition\":{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}",
        ",\"Condition\":{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}",
        ",\"Condition\":{\"StringEquals\":{\"aws:username\":\"prop\"},\"Bool\":{\"aws:SecureTransport\":\"false\"}}");
    Arbitrary<String> statement = Combinators.combine(
            Arbitraries.of("Allow", "Deny"), Arbitraries.of("Action", "NotAction"), action.list().ofMinSize(1)
                .ofMaxSize(3), Arbitraries.of("Resource", "NotResource"), resource.list().ofMinSize(1).ofMaxSize(2),
            condition)
        .as((effect, actionKey, actions, resourceKey, resources, conditionText) ->
            "{\"Effect\":\"" + effect + "\",\"" + actionKey + "\":" + jsonArray(actions) + ",\"" + resourceKey
                + "\":" + jsonArray(resources) + conditionText + "}");
    return statement.list().ofMinSize(1).ofMaxSize(3)
        .map(statements -> "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
  }

  @Provide
  Arbitrary<Request> requests() {
    Arbitrary<String> team = Arbitraries.of("blue", "red", "green").injectNull(0.4);
    return Combinators.combine(Arbitraries.of(ACTIONS), Arbitraries.of(RESOURCES), team, team,
        Arbitraries.of(true, false)).as(Request::new);
  }

  private static String jsonArray(List<String> values) {
    return values.stream().map(value -> "\"" + value + "\"").collect(
        java.util.stream.Collectors.joining(",", "[", "]"));
  }

  private static CallContext context(Caller who, boolean secure) {
    HttpRequest http = new HttpRequest("POST", "/", "", HttpHeaders.EMPTY, new byte[0], "127.0.0.1", secure);
    return new CallContext("prop-request", ACCOUNT, "us-west-2", who, Instant.now(), http, enforcement);
  }

  private static StructNode struct(String... namesAndValues) {
    Map<String, Node> members = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      members.put(namesAndValues[i], new dev.onair.protocol.tree.StringNode(namesAndValues[i + 1]));
    }
    return new StructNode(members);
  }
}

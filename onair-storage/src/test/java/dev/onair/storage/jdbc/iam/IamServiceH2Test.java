package dev.onair.storage.jdbc.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.iam.AccountBootstrap;
import dev.onair.iam.BootstrapSettings;
import dev.onair.iam.IamCore;
import dev.onair.iam.IamErrorCode;
import dev.onair.iam.IamService;
import dev.onair.iam.IamServiceDefinition;
import dev.onair.iam.OnairAwsPolicies;
import dev.onair.iam.auth.IamCredentialResolver;
import dev.onair.iam.auth.IamPrincipalPolicyResolver;
import dev.onair.iam.auth.PrincipalPolicies;
import dev.onair.iam.auth.ResolvedCredential;
import dev.onair.iam.sts.StsErrorCode;
import dev.onair.iam.sts.StsService;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.Operation;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.SecretCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IAM and STS operations end to end over the real H2 store (no HTTP): the service logic and its SQL together. */
class IamServiceH2Test {
  static final String ACCOUNT = "123456789012";
  static final String TRUST_ALICE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/alice\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String ALLOW_LIST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"ivs:List*\",\"Resource\":\"*\"}]}";

  @TempDir Path dataDir;
  Database database;
  JdbcIamStore store;
  IamService iam;
  StsService sts;
  ServiceDefinition definition;
  Caller admin;

  @BeforeEach
  void setUp() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    store = new JdbcIamStore(database.jdbc(), SecretCipher.load(dataDir, null));
    AccountBootstrap.Result boot = new AccountBootstrap(store, Clock.systemUTC())
        .ensure(new BootstrapSettings(dataDir, ACCOUNT, null, null, null));
    assertThat(boot.created()).isTrue();
    IamCore core = new IamCore(store, OnairAwsPolicies.catalog(), Clock.systemUTC());
    iam = new IamService(core);
    sts = new StsService(core);
    definition = IamServiceDefinition.create(iam);
    String adminKey = store.accessKeys().list(store.users().find(ACCOUNT, "admin").orElseThrow().userId())
        .get(0).accessKeyId();
    admin = new IamCredentialResolver(store).resolve(adminKey).orElseThrow().caller();
  }

  @AfterEach
  void tearDown() {
    database.close();
  }

  CallContext as(Caller caller) {
    HttpRequest request = new HttpRequest("POST", "/", "", HttpHeaders.EMPTY, new byte[0], "127.0.0.1", false);
    return new CallContext("req-1", ACCOUNT, "us-east-1", caller, Instant.now(), request, (c, check) -> { });
  }

  static StructNode in(Object... namesAndValues) {
    Map<String, Node> members = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      members.put((String) namesAndValues[i], value instanceof Node node ? node : new StringNode(value.toString()));
    }
    return new StructNode(members);
  }

  StructNode call(String operation, Caller caller, StructNode input) {
    Operation op = definition.operation(operation);
    List<AuthorizationCheck> checks = op.authorization().checks(as(caller), input);
    assertThat(checks).isNotEmpty();
    return ((dev.onair.protocol.OperationResult.Output) op.handler().handle(as(caller), input)).body();
  }

  static IamErrorCode codeOf(Throwable e) {
    return (IamErrorCode) ((AwsServiceException) e).errorCode();
  }

  @Test
  void bootstrap_writesGeneratedSecretsOnceAndIsIdempotent() throws Exception {
    Path file = dataDir.resolve(AccountBootstrap.CREDENTIALS_FILE);
    assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
    assertThat(Files.readString(file)).contains("root_password=", "admin_secret_access_key=");
    AccountBootstrap.Result again = new AccountBootstrap(store, Clock.systemUTC())
        .ensure(new BootstrapSettings(dataDir, "999999999999", "ignored", null, null));
    assertThat(again.created()).isFalse();
    assertThat(again.account().accountId()).isEqualTo(ACCOUNT);
    PrincipalPolicies policies = new IamPrincipalPolicyResolver(iam.core()).policiesFor(admin);
    assertThat(policies.identityPolicies()).extracting(p -> p.source())
        .containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
  }

  @Test
  void users_createGetListDuplicateAndPaging() {
    for (int i = 0; i < 5; i++) {
      call("CreateUser", admin, in("UserName", "user" + i, "Path", "/team/"));
    }
    StructNode user = call("GetUser", admin, in("UserName", "USER3")).struct("User");
    assertThat(user.string("Arn")).isEqualTo("arn:aws:iam::123456789012:user/team/user3");
    assertThat(user.string("UserId")).matches("AIDA[A-Z0-9]{17}");
    assertThatThrownBy(() -> call("CreateUser", admin, in("UserName", "User1")))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(IamErrorCode.EntityAlreadyExists));
    assertThatThrownBy(() -> call("GetUser", admin, in("UserName", "nobody")))
        .hasMessage("The user with name nobody cannot be found.");
    List<String> names = new ArrayList<>();
    String marker = null;
    do {
      StructNode page = call("ListUsers", admin, marker == null
          ? in("PathPrefix", "/team/", "MaxItems", "2") : in("PathPrefix", "/team/", "MaxItems", "2", "Marker", marker));
      page.list("Users").items().forEach(u -> names.add(((StructNode) u).string("UserName")));
      marker = page.string("Marker");
    } while (marker != null);
    assertThat(names).containsExactly("user0", "user1", "user2", "user3", "user4");
    assertThat(call("GetUser", admin, StructNode.EMPTY).struct("User").string("UserName")).isEqualTo("admin");
  }

  /**
   * GetUser answers with the row its check read (one read per call): a tag written between the decision and the
   * handler is not in that call's answer, by name or for the calling user; the next call, or a handler run for
   * another call, reads the store.
   */
  @Test
  void getUser_answersFromTheReadItsCheckMade() {
    call("CreateUser", admin, in("UserName", "carol"));
    String carolId = store.users().find(ACCOUNT, "carol").orElseThrow().userId();
    String adminId = store.users().find(ACCOUNT, "admin").orElseThrow().userId();
    Operation get = definition.operation("GetUser");
    record Case(String name, StructNode input, String userId) {}
    int round = 0;
    for (Case c : List.of(new Case("by name", in("UserName", "carol"), carolId),
        new Case("the calling user", StructNode.EMPTY, adminId))) {
      store.tags().tag(dev.onair.iam.model.EntityType.USER, c.userId(),
          List.of(new dev.onair.iam.model.Tag("round", "before" + round)));
      CallContext call = as(admin);
      String before = "before" + round;
      assertThat(get.authorization().checks(call, c.input())).singleElement().as(c.name())
          .satisfies(check -> assertThat(check.conditionKeys()).containsEntry("aws:ResourceTag/round",
              List.of(before)));
      store.tags().tag(dev.onair.iam.model.EntityType.USER, c.userId(),
          List.of(new dev.onair.iam.model.Tag("round", "after" + round)));
      assertThat(roundTag(get, call, c.input())).as(c.name()).isEqualTo("before" + round);
      assertThat(roundTag(get, call, c.input())).as(c.name()).isEqualTo("after" + round);
      get.authorization().checks(call, c.input());
      assertThat(roundTag(get, as(admin), c.input())).as(c.name()).isEqualTo("after" + round);
      round++;
    }
  }

  private static String roundTag(Operation get, CallContext call, StructNode input) {
    StructNode user = ((dev.onair.protocol.OperationResult.Output) get.handler().handle(call, input)).body()
        .struct("User");
    for (Node tag : user.list("Tags").items()) {
      if ("round".equals(((StructNode) tag).string("Key"))) {
        return ((StructNode) tag).string("Value");
      }
    }
    return null;
  }

  @Test
  void accessKeys_secretOnceThirdKeyRefusedInactiveKeyResolvesInactive() {
    call("CreateUser", admin, in("UserName", "bob"));
    StructNode key = call("CreateAccessKey", admin, in("UserName", "bob")).struct("AccessKey");
    String keyId = key.string("AccessKeyId");
    assertThat(keyId).matches("AKIA[A-Z2-7]{16}");
    assertThat(key.string("SecretAccessKey")).hasSize(40);
    call("CreateAccessKey", admin, in("UserName", "bob"));
    assertThatThrownBy(() -> call("CreateAccessKey", admin, in("UserName", "bob")))
        .hasMessage("Cannot exceed quota for AccessKeysPerUser: 2");
    StructNode listed = call("ListAccessKeys", admin, in("UserName", "bob"));
    assertThat(listed.list("AccessKeyMetadata").size()).isEqualTo(2);
    assertThat(listed.toString()).doesNotContain(key.string("SecretAccessKey"));
    call("UpdateAccessKey", admin, in("UserName", "bob", "AccessKeyId", keyId, "Status", "Inactive"));
    ResolvedCredential resolved = new IamCredentialResolver(store).resolve(keyId).orElseThrow();
    assertThat(resolved.active()).isFalse();
    assertThat(resolved.secretAccessKey().matches(key.string("SecretAccessKey"))).isTrue();
    assertThatThrownBy(() -> call("DeleteUser", admin, in("UserName", "bob")))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(IamErrorCode.DeleteConflict));
  }

  @Test
  void assumeRole_trustPolicyDecidesAndSessionResolves() {
    call("CreateUser", admin, in("UserName", "alice"));
    call("CreateUser", admin, in("UserName", "mallory"));
    call("CreateRole", admin, in("RoleName", "viewer", "AssumeRolePolicyDocument", TRUST_ALICE));
    call("PutRolePolicy", admin, in("RoleName", "viewer", "PolicyName", "list", "PolicyDocument", ALLOW_LIST));
    IamCredentialResolver resolver = new IamCredentialResolver(store);
    Caller alice = callerFor("alice", resolver);
    Caller mallory = callerFor("mallory", resolver);
    StructNode input = in("RoleArn", "arn:aws:iam::123456789012:role/viewer", "RoleSessionName", "s1",
        "DurationSeconds", "900");
    StructNode result = sts.assumeRole(as(alice), input);
    String tempKey = result.struct("Credentials").string("AccessKeyId");
    assertThat(tempKey).matches("ASIA[A-Z2-7]{16}");
    ResolvedCredential temp = resolver.resolve(tempKey).orElseThrow();
    assertThat(temp.caller().arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/viewer/s1");
    assertThat(temp.caller().userId()).endsWith(":s1").startsWith("AROA");
    assertThat(temp.sessionToken().matches(result.struct("Credentials").string("SessionToken"))).isTrue();
    assertThat(new IamPrincipalPolicyResolver(iam.core()).policiesFor(temp.caller()).identityPolicies())
        .extracting(p -> p.source()).containsExactly("role/viewer/list");
    assertThatThrownBy(() -> sts.assumeRole(as(mallory), input))
        .satisfies(e -> assertThat(((AwsServiceException) e).errorCode()).isEqualTo(StsErrorCode.AccessDenied));
    assertThatThrownBy(() -> call("GetUser", temp.caller(), StructNode.EMPTY))
        .hasMessage("Must specify userName when calling with non-User credentials");
  }

  private Caller callerFor(String user, IamCredentialResolver resolver) {
    String keyId = call("CreateAccessKey", admin, in("UserName", user)).struct("AccessKey").string("AccessKeyId");
    return resolver.resolve(keyId).orElseThrow().caller();
  }

  @Test
  void managedPolicies_versionsAttachmentsAndSimulation() {
    call("CreateUser", admin, in("UserName", "carol"));
    String arn = call("CreatePolicy", admin, in("PolicyName", "ivs-list", "PolicyDocument", ALLOW_LIST))
        .struct("Policy").string("Arn");
    call("AttachUserPolicy", admin, in("UserName", "carol", "PolicyArn", arn));
    assertThat(call("GetPolicy", admin, in("PolicyArn", arn)).struct("Policy").string("AttachmentCount"))
        .isEqualTo("1");
    StructNode simulation = call("SimulatePrincipalPolicy", admin, in(
        "PolicySourceArn", "arn:aws:iam::123456789012:user/carol",
        "ActionNames", ListNode.ofStrings(List.of("ivs:ListChannels", "ivs:DeleteChannel"))));
    List<String> decisions = simulation.list("EvaluationResults").items().stream()
        .map(r -> ((StructNode) r).string("EvalDecision")).toList();
    assertThat(decisions).containsExactly("allowed", "implicitDeny");
    assertThatThrownBy(() -> call("DeletePolicy", admin, in("PolicyArn", arn)))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(IamErrorCode.DeleteConflict));
    assertThatThrownBy(() -> call("CreatePolicy", admin, in("PolicyName", "bad", "PolicyDocument", "{")))
        .hasMessage("Syntax errors in policy.");
    StructNode aws = call("ListPolicies", admin, in("Scope", "AWS", "MaxItems", "1000"));
    assertThat(aws.list("Policies").items()).extracting(p -> ((StructNode) p).string("PolicyName"))
        .contains("AdministratorAccess", "IVSReadOnlyAccess");
    String doc = call("GetPolicyVersion", admin, in("PolicyArn", arn, "VersionId", "v1"))
        .struct("PolicyVersion").string("Document");
    assertThat(doc).startsWith("%7B%22Version%22");
  }

  @Test
  void loginProfiles_enforcePasswordPolicy() {
    call("CreateUser", admin, in("UserName", "dave"));
    call("UpdateAccountPasswordPolicy", admin, in("MinimumPasswordLength", "12", "RequireSymbols", "true"));
    assertThatThrownBy(() -> call("CreateLoginProfile", admin, in("UserName", "dave", "Password", "Short1!")))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(IamErrorCode.PasswordPolicyViolation));
    call("CreateLoginProfile", admin, in("UserName", "dave", "Password", "Long-enough-pass1!",
        "PasswordResetRequired", "true"));
    assertThat(call("GetLoginProfile", admin, in("UserName", "dave")).struct("LoginProfile")
        .string("PasswordResetRequired")).isEqualTo("true");
    assertThatThrownBy(() -> call("ChangePassword", new IamCredentialResolver(store).resolve(
            store.sessions().find("none").map(s -> "x").orElse("missing")).map(ResolvedCredential::caller)
            .orElse(rootCaller()), in("OldPassword", "a", "NewPassword", "b")))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(IamErrorCode.InvalidUserType));
  }

  private static Caller rootCaller() {
    return new Caller(Caller.CallerType.ROOT, ACCOUNT, "arn:aws:iam::123456789012:root", ACCOUNT, null, null, null,
        null, null, Map.of());
  }

  @Test
  void everyDeclaredOperationHasAnAction() {
    assertThat(definition.operationNames()).hasSize(87);
  }
}

package dev.onair.it.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.AwsCli;
import dev.onair.it.OnairExtension;
import dev.onair.it.Tools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same IAM and STS calls through both aws CLIs (pip v1 on PATH, Debian v2 at /usr/bin/aws). */
class IamCliIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();

  @ParameterizedTest
  @ValueSource(strings = {AwsCli.ON_PATH, AwsCli.DEBIAN})
  void cli_usersPoliciesAndCallerIdentity(String cli) {
    Tools.require(cli);
    String user = "cli-" + (cli.equals(AwsCli.ON_PATH) ? "v1" : "v2");
    AwsCli.Result created = AwsCli.runAsAdmin(cli, ONAIR.process(), "iam", "create-user", "--user-name", user);
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(created.stdout()).contains("\"UserName\": \"" + user + "\"");
    AwsCli.Result listed = AwsCli.runAsAdmin(cli, ONAIR.process(), "iam", "list-users", "--max-items", "1");
    assertThat(listed.exitCode()).as(listed.stderr()).isZero();
    AwsCli.Result all = AwsCli.runAsAdmin(cli, ONAIR.process(), "iam", "list-users");
    assertThat(all.stdout()).contains(user, "admin");
    AwsCli.Result duplicate = AwsCli.runAsAdmin(cli, ONAIR.process(), "iam", "create-user", "--user-name", user);
    assertThat(duplicate.exitCode()).isNotZero();
    assertThat(duplicate.stderr()).contains("EntityAlreadyExists");
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ivs:List*\","
        + "\"Resource\":\"*\"}]}";
    AwsCli.Result put = AwsCli.runAsAdmin(cli, ONAIR.process(), "iam", "put-user-policy", "--user-name", user,
        "--policy-name", "p", "--policy-document", policy);
    assertThat(put.exitCode()).as(put.stderr()).isZero();
    // The CLI URL-decodes and parses the document: it prints JSON, not %7B...
    AwsCli.Result get = AwsCli.runAsAdmin(cli, ONAIR.process(), "iam", "get-user-policy", "--user-name", user,
        "--policy-name", "p");
    assertThat(get.stdout()).contains("\"Action\": \"ivs:List*\"");
    AwsCli.Result aws = AwsCli.runAsAdmin(cli, ONAIR.process(), "iam", "list-policies", "--scope", "AWS");
    assertThat(aws.stdout()).contains("IVSReadOnlyAccess");
    AwsCli.Result identity = AwsCli.runAsAdmin(cli, ONAIR.process(), "sts", "get-caller-identity");
    assertThat(identity.stdout()).contains("arn:aws:iam::123456789012:user/admin");
    AwsCli.Result unknown = AwsCli.runAsAdmin(cli, ONAIR.process(), "iam", "get-user", "--user-name", "nobody");
    assertThat(unknown.stderr()).contains("NoSuchEntity");
  }
}

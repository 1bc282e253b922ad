package dev.onair.it.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.AwsCli;
import dev.onair.it.OnairExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The aws CLI's `aws ivs` commands against a running Onair (region us-east-1, from AwsCli's environment). */
class IvsCliIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();

  private static AwsCli.Result run(String cli, String... arguments) {
    return AwsCli.runAsAdmin(cli, ONAIR.process(), arguments);
  }

  private static String field(String json, String name) {
    var matcher = java.util.regex.Pattern.compile("\"" + name + "\":\\s*\"([^\"]*)\"").matcher(json);
    assertThat(matcher.find()).as(name + " in " + json).isTrue();
    return matcher.group(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {AwsCli.ON_PATH})
  void channelCommands(String cli) {
    AwsCli.Result created = run(cli, "ivs", "create-channel", "--name", "cli-channel", "--tags", "team=blue");
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    String arn = field(created.stdout(), "arn");
    assertThat(arn).startsWith("arn:aws:ivs:us-east-1:");
    assertThat(field(created.stdout(), "value")).startsWith("sk_us-east-1_");

    AwsCli.Result got = run(cli, "ivs", "get-channel", "--arn", arn);
    assertThat(got.exitCode()).as(got.stderr()).isZero();
    assertThat(field(got.stdout(), "latencyMode")).isEqualTo("LOW");

    AwsCli.Result listed = run(cli, "ivs", "list-channels", "--filter-by-name", "cli-channel");
    assertThat(listed.stdout()).contains(arn);

    AwsCli.Result tags = run(cli, "ivs", "list-tags-for-resource", "--resource-arn", arn);
    assertThat(tags.exitCode()).as(tags.stderr()).isZero();
    assertThat(tags.stdout()).contains("\"team\": \"blue\"");
    assertThat(run(cli, "ivs", "untag-resource", "--resource-arn", arn, "--tag-keys", "team").exitCode()).isZero();

    AwsCli.Result offline = run(cli, "ivs", "get-stream", "--channel-arn", arn);
    assertThat(offline.exitCode()).isNotZero();
    assertThat(offline.stderr()).contains("ChannelNotBroadcasting");

    AwsCli.Result invalid = run(cli, "ivs", "create-channel", "--name", "no spaces allowed");
    assertThat(invalid.exitCode()).isNotZero();
    assertThat(invalid.stderr()).contains("ValidationException").contains("'name'");

    assertThat(run(cli, "ivs", "delete-channel", "--arn", arn).exitCode()).isZero();
    assertThat(run(cli, "ivs", "get-channel", "--arn", arn).stderr()).contains("ResourceNotFoundException");
  }
}

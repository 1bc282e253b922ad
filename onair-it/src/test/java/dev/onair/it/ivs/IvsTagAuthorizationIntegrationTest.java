package dev.onair.it.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * Tag-based access control through IAM: a user may create channels only when tagging them team=blue, and read
 * only channels tagged team=blue.
 */
class IvsTagAuthorizationIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();

  private static final String POLICY = """
      {"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"ivs:CreateChannel","Resource":"*",
         "Condition":{"StringEquals":{"aws:RequestTag/team":"blue"}}},
        {"Effect":"Allow","Action":"ivs:GetChannel","Resource":"*",
         "Condition":{"StringEquals":{"aws:ResourceTag/team":"blue"}}}]}""";

  @Test
  void requestAndResourceTagConditions() throws Exception {
    AccessKey key;
    try (IamClient iam = Clients.iam(ONAIR.process())) {
      iam.createUser(r -> r.userName("blue-team"));
      iam.putUserPolicy(r -> r.userName("blue-team").policyName("blue-only").policyDocument(POLICY));
      key = iam.createAccessKey(r -> r.userName("blue-team")).accessKey();
    }
    try (IvsClient admin = IvsClients.ivs(ONAIR.process(), Clients.admin());
        IvsClient user = IvsClients.ivs(ONAIR.process(),
            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
      String red = admin.createChannel(r -> r.tags(Map.of("team", "red"))).channel().arn();
      String blue = awaitAllowed(() ->
          user.createChannel(r -> r.name("mine").tags(Map.of("team", "blue"))).channel().arn());
      assertThat(user.getChannel(r -> r.arn(blue)).channel().name()).isEqualTo("mine");
      IvsSdkIntegrationTest.assertAccessDenied(() -> user.createChannel(r -> r.name("untagged")));
      IvsSdkIntegrationTest.assertAccessDenied(() -> user.createChannel(r -> r.tags(Map.of("team", "red"))));
      IvsSdkIntegrationTest.assertAccessDenied(() -> user.getChannel(r -> r.arn(red)));
      IvsSdkIntegrationTest.assertAccessDenied(() -> user.listChannels(r -> { }));
      IvsSdkIntegrationTest.assertAccessDenied(() -> user.deleteChannel(r -> r.arn(blue)));
    }
  }

  /** IAM changes are visible at once in Onair; the retry only guards against a slow first request. */
  private static <T> T awaitAllowed(java.util.function.Supplier<T> call) throws InterruptedException {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        last = e;
        Thread.sleep(200);
      }
    }
    throw last;
  }
}

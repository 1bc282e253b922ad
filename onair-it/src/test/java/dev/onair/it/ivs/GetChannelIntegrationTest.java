package dev.onair.it.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.IvsException;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;

/**
 * GetChannel, answered on the event loop from one read of the channel and its tags: the answer follows every
 * change to the tags at once, an ARN of another account or region is not found, and a caller without a policy is
 * denied with AWS's wording.
 */
class GetChannelIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();
  private static final String ACCOUNT = OnairProcess.ACCOUNT_ID;

  @Test
  void answersFollowTags_foreignArnsNotFound_deniedWithAwsMessage() throws Exception {
    try (IvsClient ivs = IvsClients.ivs(ONAIR.process(), Clients.admin())) {
      Channel created = ivs.createChannel(r -> r.name("read").tags(Map.of("b", "2", "a", "1"))).channel();
      String arn = created.arn();
      for (int i = 0; i < 3; i++) {
        assertThat(ivs.getChannel(r -> r.arn(arn)).channel()).isEqualTo(created);
      }
      ivs.tagResource(r -> r.resourceArn(arn).tags(Map.of("c", "3")));
      assertThat(ivs.getChannel(r -> r.arn(arn)).channel().tags()).isEqualTo(Map.of("a", "1", "b", "2", "c", "3"));
      ivs.untagResource(r -> r.resourceArn(arn).tagKeys("a", "b", "c"));
      Channel untagged = ivs.getChannel(r -> r.arn(arn)).channel();
      assertThat(untagged.tags()).isEmpty();
      assertThat(untagged.toBuilder().tags(created.tags()).build()).isEqualTo(created);

      String id = arn.substring(arn.lastIndexOf('/') + 1);
      for (String foreign : new String[] {
          "arn:aws:ivs:us-west-2:000000000001:channel/" + id, "arn:aws:ivs:us-east-1:" + ACCOUNT + ":channel/" + id}) {
        var missing = catchThrowableOfType(ResourceNotFoundException.class, () -> ivs.getChannel(r -> r.arn(foreign)));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("Resource: " + foreign + " not found");
      }

      AccessKey key;
      try (IamClient iam = Clients.iam(ONAIR.process())) {
        iam.createUser(r -> r.userName("no-policy"));
        key = iam.createAccessKey(r -> r.userName("no-policy")).accessKey();
      }
      try (IvsClient user = IvsClients.ivs(ONAIR.process(),
          AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
        IvsException denied = catchThrowableOfType(IvsException.class, () -> user.getChannel(r -> r.arn(arn)));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + ACCOUNT
            + ":user/no-policy is not authorized to perform: ivs:GetChannel on resource: " + arn
            + " because no identity-based policy allows the ivs:GetChannel action");
      }
    }
  }
}

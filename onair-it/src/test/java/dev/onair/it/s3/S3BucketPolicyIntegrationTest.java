package dev.onair.it.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Bucket policies as resource-based policies: they grant access an identity policy lacks (another user, anonymous
 * readers) and their explicit Deny overrides an identity policy's Allow.
 */
class S3BucketPolicyIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();
  private static final String BUCKET = "policy-bucket";
  private static final String ACCOUNT = OnairProcess.ACCOUNT_ID;

  private static AwsBasicCredentials reader;
  private static AwsBasicCredentials writer;

  private static OnairProcess onair() {
    return ONAIR.process();
  }

  @BeforeAll
  static void setUp() {
    try (IamClient iam = Clients.iam(onair()); S3Client s3 = S3Clients.s3(onair())) {
      reader = user(iam, "s3-reader", null);
      writer = user(iam, "s3-writer",
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
      s3.createBucket(b -> b.bucket(BUCKET));
      s3.putObject(b -> b.bucket(BUCKET).key("public/readme.txt"), RequestBody.fromString("public"));
      s3.putObject(b -> b.bucket(BUCKET).key("shared/report.txt"), RequestBody.fromString("shared"));
      s3.putObject(b -> b.bucket(BUCKET).key("secret/key.txt"), RequestBody.fromString("secret"));
    }
  }

  private static AwsBasicCredentials user(IamClient iam, String name, String inlinePolicy) {
    iam.createUser(b -> b.userName(name));
    if (inlinePolicy != null) {
      iam.putUserPolicy(b -> b.userName(name).policyName("s3").policyDocument(inlinePolicy));
    }
    AccessKey key = iam.createAccessKey(b -> b.userName(name)).accessKey();
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  private static String statement(String effect, String principal, String action, String resource) {
    return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":\"" + action
        + "\",\"Resource\":\"" + resource + "\"}";
  }

  private static int status(Runnable call) {
    S3Exception error = catchThrowableOfType(S3Exception.class, call::run);
    return error == null ? 200 : error.statusCode();
  }

  @Test
  void bucketPolicy_grantsDeniesAndAnonymousRead() {
    try (S3Client admin = S3Clients.s3(onair());
        S3Client asReader = S3Clients.s3(onair(), reader, Region.US_EAST_1);
        S3Client asWriter = S3Clients.s3(onair(), writer, Region.US_EAST_1)) {
      // without a bucket policy: the reader has no identity policy, the writer may do anything
      S3Exception denied = catchThrowableOfType(S3Exception.class,
          () -> asReader.getObject(b -> b.bucket(BUCKET).key("shared/report.txt")));
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(status(() -> asWriter.getObjectAsBytes(b -> b.bucket(BUCKET).key("secret/key.txt")))).isEqualTo(200);
      assertThat(RawS3.anonymous(onair(), "GET", "/" + BUCKET + "/public/readme.txt", new byte[0]).status())
          .isEqualTo(403);

      String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
          + statement("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::" + BUCKET + "/public/*") + ","
          + statement("Allow", "{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":user/s3-reader\"}", "s3:GetObject",
              "arn:aws:s3:::" + BUCKET + "/shared/*") + ","
          + statement("Deny", "{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":user/s3-writer\"}", "s3:GetObject",
              "arn:aws:s3:::" + BUCKET + "/secret/*")
          + "]}";
      admin.putBucketPolicy(b -> b.bucket(BUCKET).policy(policy));
      assertThat(admin.getBucketPolicy(b -> b.bucket(BUCKET)).policy()).isEqualTo(policy);

      assertThat(asReader.getObjectAsBytes(b -> b.bucket(BUCKET).key("shared/report.txt")).asUtf8String())
          .isEqualTo("shared");
      assertThat(status(() -> asReader.getObjectAsBytes(b -> b.bucket(BUCKET).key("secret/key.txt"))))
          .isEqualTo(403);
      assertThat(status(() -> asWriter.getObjectAsBytes(b -> b.bucket(BUCKET).key("secret/key.txt"))))
          .isEqualTo(403);
      assertThat(status(() -> asWriter.getObjectAsBytes(b -> b.bucket(BUCKET).key("shared/report.txt"))))
          .isEqualTo(200);

      RawS3.Response anonymous = RawS3.anonymous(onair(), "GET", "/" + BUCKET + "/public/readme.txt", new byte[0]);
      assertThat(anonymous.status()).isEqualTo(200);
      assertThat(anonymous.body()).isEqualTo("public");
      RawS3.Response anonymousSecret =
          RawS3.anonymous(onair(), "GET", "/" + BUCKET + "/secret/key.txt", new byte[0]);
      assertThat(anonymousSecret.status()).isEqualTo(403);
      assertThat(anonymousSecret.body()).contains("<Code>AccessDenied</Code>");

      admin.deleteBucketPolicy(b -> b.bucket(BUCKET));
      assertThat(RawS3.anonymous(onair(), "GET", "/" + BUCKET + "/public/readme.txt", new byte[0]).status())
          .isEqualTo(403);
    }
  }

  @Test
  void deleteObjects_reportsAccessDeniedPerKey() {
    try (S3Client admin = S3Clients.s3(onair());
        S3Client asReader = S3Clients.s3(onair(), reader, Region.US_EAST_1)) {
      admin.createBucket(b -> b.bucket("policy-delete"));
      admin.putObject(b -> b.bucket("policy-delete").key("mine/a"), RequestBody.fromString("a"));
      admin.putObject(b -> b.bucket("policy-delete").key("other/b"), RequestBody.fromString("b"));
      admin.putBucketPolicy(b -> b.bucket("policy-delete").policy("{\"Version\":\"2012-10-17\",\"Statement\":["
          + statement("Allow", "{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":user/s3-reader\"}", "s3:DeleteObject",
              "arn:aws:s3:::policy-delete/mine/*") + "]}"));
      var result = asReader.deleteObjects(b -> b.bucket("policy-delete").delete(d -> d.objects(
          o -> o.key("mine/a"), o -> o.key("other/b"))));
      assertThat(result.deleted()).extracting(o -> o.key()).containsExactly("mine/a");
      assertThat(result.errors()).singleElement().satisfies(error -> {
        assertThat(error.key()).isEqualTo("other/b");
        assertThat(error.code()).isEqualTo("AccessDenied");
      });
    }
  }
}

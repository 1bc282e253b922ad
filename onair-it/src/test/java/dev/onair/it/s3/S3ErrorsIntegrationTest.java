package dev.onair.it.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Every S3 error Onair returns, as the SDK sees it: code, status and the S3 error document. */
class S3ErrorsIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();
  private static final String BUCKET = "errors-bucket";

  private static OnairProcess onair() {
    return ONAIR.process();
  }

  @BeforeAll
  static void bucket() {
    try (S3Client s3 = S3Clients.s3(onair())) {
      s3.createBucket(b -> b.bucket(BUCKET));
      s3.putObject(b -> b.bucket(BUCKET).key("present"), RequestBody.fromString("0123456789"));
    }
  }

  private static S3Exception s3Error(Executable call) {
    S3Exception error = catchThrowableOfType(S3Exception.class, () -> {
      try {
        call.execute();
      } catch (Throwable t) {
        throw t instanceof Exception e ? e : new RuntimeException(t);
      }
    });
    assertThat(error).as("expected an S3 error").isNotNull();
    return error;
  }

  private static void assertCode(Executable call, String code, int status) {
    S3Exception error = s3Error(call);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(error.statusCode()).isEqualTo(status);
    assertThat(error.requestId()).isNotBlank();
  }

  @Test
  void bucketErrors() {
    try (S3Client s3 = S3Clients.s3(onair());
        S3Client eu = S3Clients.s3(onair(), Clients.admin(), Region.EU_WEST_1)) {
      assertCode(() -> s3.listObjectsV2(b -> b.bucket("no-such-bucket")), "NoSuchBucket", 404);
      assertCode(() -> s3.deleteBucket(b -> b.bucket("no-such-bucket")), "NoSuchBucket", 404);
      assertThat(s3Error(() -> s3.headBucket(b -> b.bucket("no-such-bucket"))).statusCode()).isEqualTo(404);
      // the SDK refuses upper case and underscores itself; a reserved prefix gets through to the server
      assertCode(() -> s3.createBucket(b -> b.bucket("xn--reserved-prefix")), "InvalidBucketName", 400);
      assertCode(() -> s3.deleteBucket(b -> b.bucket(BUCKET)), "BucketNotEmpty", 409);

      eu.createBucket(b -> b.bucket("errors-eu").createBucketConfiguration(
          c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
      assertCode(() -> eu.createBucket(b -> b.bucket("errors-eu").createBucketConfiguration(
          c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))), "BucketAlreadyOwnedByYou", 409);
      assertCode(() -> s3.getBucketPolicy(b -> b.bucket(BUCKET)), "NoSuchBucketPolicy", 404);
      assertCode(() -> s3.putBucketPolicy(b -> b.bucket(BUCKET).policy("{not json")), "MalformedPolicy", 400);
      assertCode(() -> s3.putBucketPolicy(b -> b.bucket(BUCKET).policy(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
              + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::another-bucket/*\"}]}")),
          "MalformedPolicy", 400);
    }
  }

  @Test
  void objectErrors() {
    try (S3Client s3 = S3Clients.s3(onair())) {
      S3Exception noKey = s3Error(() -> s3.getObject(b -> b.bucket(BUCKET).key("absent")));
      assertThat(noKey.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
      assertThat(noKey.statusCode()).isEqualTo(404);
      assertThat(s3Error(() -> s3.headObject(b -> b.bucket(BUCKET).key("absent"))).statusCode()).isEqualTo(404);
      assertCode(() -> s3.getObject(b -> b.bucket(BUCKET).key("present").range("bytes=50-60")), "InvalidRange", 416);
      assertCode(() -> s3.getObject(b -> b.bucket(BUCKET).key("present").ifMatch("\"nope\"")),
          "PreconditionFailed", 412);
      assertThat(s3Error(() -> s3.getObject(b -> b.bucket(BUCKET).key("present").ifNoneMatch("*"))).statusCode())
          .isEqualTo(304);
      assertCode(() -> s3.putObject(b -> b.bucket(BUCKET).key("bad-md5").contentMD5("1B2M2Y8AsgTpgAmY7PhCfg=="),
          RequestBody.fromString("not empty")), "BadDigest", 400);
      assertCode(() -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("absent").destinationBucket(BUCKET)
          .destinationKey("copy")), "NoSuchKey", 404);
    }
  }

  @Test
  void multipartErrors() {
    try (S3Client s3 = S3Clients.s3(onair())) {
      assertCode(() -> s3.uploadPart(b -> b.bucket(BUCKET).key("mp").uploadId("AAAA").partNumber(1),
          RequestBody.fromString("x")), "NoSuchUpload", 404);
      assertCode(() -> s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("mp").uploadId("AAAA")), "NoSuchUpload", 404);
      String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp")).uploadId();
      String small = s3.uploadPart(b -> b.bucket(BUCKET).key("mp").uploadId(uploadId).partNumber(1),
          RequestBody.fromString("small")).eTag();
      String last = s3.uploadPart(b -> b.bucket(BUCKET).key("mp").uploadId(uploadId).partNumber(2),
          RequestBody.fromString("last")).eTag();
      assertCode(() -> complete(s3, uploadId, 2, last, 1, small), "InvalidPartOrder", 400);
      assertCode(() -> complete(s3, uploadId, 1, "\"0123456789abcdef0123456789abcdef\"", 2, last), "InvalidPart", 400);
      assertCode(() -> complete(s3, uploadId, 1, small, 2, last), "EntityTooSmall", 400);
      assertCode(() -> s3.uploadPart(b -> b.bucket(BUCKET).key("mp").uploadId(uploadId).partNumber(10001),
          RequestBody.fromString("x")), "InvalidArgument", 400);
      s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("mp").uploadId(uploadId));
    }
  }

  private static void complete(S3Client s3, String uploadId, int n1, String e1, int n2, String e2) {
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("mp").uploadId(uploadId).multipartUpload(m -> m.parts(
        CompletedPart.builder().partNumber(n1).eTag(e1).build(),
        CompletedPart.builder().partNumber(n2).eTag(e2).build())));
  }

  /** Errors only a hand-made request can provoke, checked in S3's raw error document. */
  @Test
  void rawErrors_documentFormat() {
    String host = "127.0.0.1:" + onair().httpPort();
    RawS3.Response malformed = RawS3.signed(onair(), "POST", host, "/" + BUCKET + "?delete",
        RawS3.utf8("<Delete><Object>"), "Content-Type", "application/xml");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).startsWith("<?xml").contains("<Error><Code>MalformedXML</Code>")
        .contains("<RequestId>").contains("<HostId>");
    assertThat(malformed.header("Content-Type")).contains("xml");

    RawS3.Response invalidName = RawS3.signed(onair(), "PUT", host, "/Invalid_Name", new byte[0]);
    assertThat(invalidName.status()).isEqualTo(400);
    assertThat(invalidName.body()).contains("<Code>InvalidBucketName</Code>")
        .contains("<BucketName>Invalid_Name</BucketName>");

    // a regional endpoint creates buckets only in its own region (the SDK fills in its region, so go raw)
    String otherRegion = "<CreateBucketConfiguration><LocationConstraint>ap-south-1</LocationConstraint>"
        + "</CreateBucketConfiguration>";
    RawS3.Response illegal = RawS3.signedFor(onair(), "eu-west-1", "PUT", host, "/errors-eu-2",
        RawS3.utf8(otherRegion));
    assertThat(illegal.status()).as(illegal.body()).isEqualTo(400);
    assertThat(illegal.body()).contains("<Code>IllegalLocationConstraintException</Code>");
    RawS3.Response unspecified = RawS3.signedFor(onair(), "eu-west-1", "PUT", host, "/errors-eu-3", new byte[0]);
    assertThat(unspecified.body()).contains("<Code>IllegalLocationConstraintException</Code>")
        .contains("The unspecified location constraint is incompatible");

    RawS3.Response noBucket = RawS3.signed(onair(), "GET", host, "/no-such-bucket/some/key", new byte[0]);
    assertThat(noBucket.body()).contains("<Code>NoSuchBucket</Code>").contains("<BucketName>no-such-bucket</BucketName>");

    RawS3.Response noKey = RawS3.signed(onair(), "GET", host, "/" + BUCKET + "/no/such/key", new byte[0]);
    assertThat(noKey.body()).contains("<Code>NoSuchKey</Code>").contains("<Key>no/such/key</Key>");

    RawS3.Response notImplemented = RawS3.signed(onair(), "GET", host, "/" + BUCKET + "?acl", new byte[0]);
    assertThat(notImplemented.status()).isEqualTo(501);
    assertThat(notImplemented.body()).contains("<Code>NotImplemented</Code>");

    RawS3.Response notAllowed = RawS3.signed(onair(), "POST", host, "/" + BUCKET + "/key", new byte[0]);
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(notAllowed.body()).contains("<Code>MethodNotAllowed</Code>");

    RawS3.Response anonymous = RawS3.anonymous(onair(), "GET", "/" + BUCKET + "/present", new byte[0]);
    assertThat(anonymous.status()).isEqualTo(403);
    assertThat(anonymous.body()).contains("<Code>AccessDenied</Code>");
  }
}

package dev.onair.s3;

import static dev.onair.s3.TestCalls.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3ServiceTest {
  private static final String CONFIG_EU =
      "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
          + "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>";

  @TempDir Path dataDir;
  private TestCalls s3;

  @BeforeEach
  void setUp() {
    s3 = new TestCalls(dataDir, 10);
  }

  private static void assertError(ThrowingCallable call, S3ErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class,
        e -> assertThat(e.errorCode()).isEqualTo(code));
  }

  private static String element(HttpResponse response, String name) {
    Matcher matcher = Pattern.compile("<" + name + "(?: [^>]*)?>([^<]*)</" + name + ">").matcher(text(response));
    return matcher.find() ? matcher.group(1) : null;
  }

  @Test
  void createBucket_rules() {
    assertThat(s3.call("PUT", "/bk1").status()).isEqualTo(200);
    // us-east-1 legacy: re-creating your own bucket succeeds
    assertThat(s3.call("PUT", "/bk1").status()).isEqualTo(200);
    assertError(() -> s3.call("PUT", "/Bad_Name"), S3ErrorCode.INVALID_BUCKET_NAME);
    assertError(() -> s3.call("PUT", "/bk2", "<oops"), S3ErrorCode.MALFORMED_XML);

    s3.account = "210987654321";
    assertError(() -> s3.call("PUT", "/bk1"), S3ErrorCode.BUCKET_ALREADY_EXISTS);

    s3.account = TestCalls.ACCOUNT;
    assertThat(s3.call("PUT", "/eu1", CONFIG_EU).status()).isEqualTo(200);
    assertError(() -> s3.call("PUT", "/eu1", CONFIG_EU), S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU);
    assertThat(element(s3.call("GET", "/eu1?location"), "LocationConstraint")).isEqualTo("eu-west-1");
    assertThat(text(s3.call("GET", "/bk1?location"))).contains("<LocationConstraint xmlns=");

    s3.region = "eu-west-1";
    assertError(() -> s3.call("PUT", "/bk3"), S3ErrorCode.ILLEGAL_LOCATION_CONSTRAINT);
    assertThat(s3.call("PUT", "/bk3", CONFIG_EU).status()).isEqualTo(200);
    assertThat(s3.call("HEAD", "/bk3").headers().get("x-amz-bucket-region")).isEqualTo("eu-west-1");
    assertThat(s3.service.bucketDirectory().exists(TestCalls.ACCOUNT, "eu-west-1", "bk3")).isTrue();
    assertThat(s3.service.bucketDirectory().exists(TestCalls.ACCOUNT, "us-east-1", "bk3")).isFalse();
    assertThat(s3.service.bucketDirectory().exists("999999999999", "eu-west-1", "bk3")).isFalse();
  }

  @Test
  void listBuckets_onlyTheCallersAccount() {
    s3.call("PUT", "/mine");
    s3.account = "210987654321";
    s3.call("PUT", "/theirs");
    String body = text(s3.call("GET", "/"));
    assertThat(body).contains("<Name>theirs</Name>").doesNotContain("mine");
    assertThat(s3.checks.get(s3.checks.size() - 1).action()).isEqualTo("s3:ListAllMyBuckets");
  }

  @Test
  void deleteBucket_notEmptyThenEmpty() {
    s3.call("PUT", "/bk1");
    s3.call("PUT", "/bk1/k", "x");
    assertError(() -> s3.call("DELETE", "/bk1"), S3ErrorCode.BUCKET_NOT_EMPTY);
    s3.call("DELETE", "/bk1/k");
    assertThat(s3.call("DELETE", "/bk1").status()).isEqualTo(204);
    assertError(() -> s3.call("HEAD", "/bk1"), S3ErrorCode.NO_SUCH_BUCKET);
    assertError(() -> s3.call("DELETE", "/bk1"), S3ErrorCode.NO_SUCH_BUCKET);
  }

  @Test
  void putAndGet_metadataRangeAndConditions() {
    s3.call("PUT", "/bk1");
    HttpResponse put = s3.call("PUT", "/bk1/dir/a.txt", "hello world", "Content-Type", "text/plain",
        "x-amz-meta-Color", "blue", "Content-Encoding", "gzip,aws-chunked");
    String etag = "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"";
    assertThat(put.headers().get("ETag")).isEqualTo(etag);

    HttpResponse get = s3.call("GET", "/bk1/dir/a.txt");
    assertThat(text(get)).isEqualTo("hello world");
    assertThat(get.headers().get("Content-Type")).isEqualTo("text/plain");
    assertThat(get.headers().get("x-amz-meta-color")).isEqualTo("blue");
    assertThat(get.headers().get("Content-Encoding")).isEqualTo("gzip");
    assertThat(get.headers().get("Last-Modified")).isEqualTo("Thu, 02 Jan 2025 03:04:05 GMT");

    HttpResponse range = s3.call("GET", "/bk1/dir/a.txt", new byte[0], "Range", "bytes=6-");
    assertThat(range.status()).isEqualTo(206);
    assertThat(text(range)).isEqualTo("world");
    assertThat(range.headers().get("Content-Range")).isEqualTo("bytes 6-10/11");
    assertError(() -> s3.call("GET", "/bk1/dir/a.txt", new byte[0], "Range", "bytes=11-"), S3ErrorCode.INVALID_RANGE);

    HttpResponse head = s3.call("HEAD", "/bk1/dir/a.txt");
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().get("Content-Length")).isEqualTo("11");

    assertThat(s3.call("GET", "/bk1/dir/a.txt", new byte[0], "If-None-Match", etag).status()).isEqualTo(304);
    assertThat(s3.call("GET", "/bk1/dir/a.txt", new byte[0], "If-Modified-Since", "Thu, 02 Jan 2025 03:04:05 GMT")
        .status()).isEqualTo(304);
    assertThat(s3.call("GET", "/bk1/dir/a.txt", new byte[0], "If-Modified-Since", "Wed, 01 Jan 2025 00:00:00 GMT")
        .status()).isEqualTo(200);
    assertError(() -> s3.call("GET", "/bk1/dir/a.txt", new byte[0], "If-Match", "\"other\""),
        S3ErrorCode.PRECONDITION_FAILED);
    assertThat(s3.call("GET", "/bk1/dir/a.txt?response-content-type=x/y").headers().get("Content-Type"))
        .isEqualTo("x/y");

    assertError(() -> s3.call("GET", "/bk1/missing"), S3ErrorCode.NO_SUCH_KEY);
    assertError(() -> s3.call("GET", "/nobucket/k"), S3ErrorCode.NO_SUCH_BUCKET);
    assertThat(s3.checks).anySatisfy(check -> {
      assertThat(check.action()).isEqualTo("s3:GetObject");
      assertThat(check.resourceArn()).isEqualTo("arn:aws:s3:::bk1/dir/a.txt");
    });
  }

  @Test
  void putObject_integrityHeaders() {
    s3.call("PUT", "/bk1");
    String md5 = Base64.getEncoder().encodeToString(ETags.md5().digest("abc".getBytes(StandardCharsets.UTF_8)));
    assertThat(s3.call("PUT", "/bk1/k", "abc", "Content-MD5", md5).status()).isEqualTo(200);
    assertError(() -> s3.call("PUT", "/bk1/k", "abd", "Content-MD5", md5), S3ErrorCode.BAD_DIGEST);
    assertError(() -> s3.call("PUT", "/bk1/k", "abc", "Content-MD5", "bm90LW1kNQ=="), S3ErrorCode.INVALID_DIGEST);
    // CRC32("abc") = 0x352441c2
    assertThat(s3.call("PUT", "/bk1/k", "abc", "x-amz-checksum-crc32", "NSRBwg==").headers()
        .get("x-amz-checksum-crc32")).isEqualTo("NSRBwg==");
    assertError(() -> s3.call("PUT", "/bk1/k", "abc", "x-amz-checksum-crc32", "AAAAAA=="), S3ErrorCode.BAD_DIGEST);
    assertThat(s3.call("GET", "/bk1/k", new byte[0], "x-amz-checksum-mode", "ENABLED").headers()
        .get("x-amz-checksum-crc32")).isEqualTo("NSRBwg==");
  }

  @Test
  void listObjectsV2_pagesWithContinuationAndEncodesKeys() {
    s3.call("PUT", "/bk1");
    for (String key : new String[] {"a/1", "a/2", "b", "c d", "e"}) {
      s3.call("PUT", "/bk1/" + key.replace(" ", "%20"), key);
    }
    HttpResponse first = s3.call("GET", "/bk1?list-type=2&delimiter=/&max-keys=2");
    assertThat(element(first, "IsTruncated")).isEqualTo("true");
    assertThat(element(first, "KeyCount")).isEqualTo("2");
    assertThat(text(first)).contains("<CommonPrefixes><Prefix>a/</Prefix></CommonPrefixes>");
    String token = element(first, "NextContinuationToken");
    HttpResponse second = s3.call("GET", "/bk1?list-type=2&delimiter=/&max-keys=2&encoding-type=url"
        + "&continuation-token=" + token);
    assertThat(text(second)).contains("<Key>c+d</Key>").contains("<Key>e</Key>")
        .contains("<EncodingType>url</EncodingType>");
    assertThat(element(second, "IsTruncated")).isEqualTo("false");
    HttpResponse startAfter = s3.call("GET", "/bk1?list-type=2&start-after=c%20d");
    assertThat(text(startAfter)).contains("<Key>e</Key>").doesNotContain("<Key>b</Key>");
    assertError(() -> s3.call("GET", "/bk1?list-type=2&max-keys=x"), S3ErrorCode.INVALID_ARGUMENT);

    var check = s3.checks.get(s3.checks.size() - 2);
    assertThat(check.action()).isEqualTo("s3:ListBucket");
    assertThat(check.conditionKeys()).containsKey("s3:prefix").containsKey("s3:max-keys");
  }

  @Test
  void deleteObjects_reportsPerKeyAndHonoursQuiet() {
    s3.call("PUT", "/bk1");
    s3.call("PUT", "/bk1/a", "1");
    s3.call("PUT", "/bk1/secret", "2");
    s3.denied = check -> check.resourceArn().endsWith("/secret");
    String body = "<Delete><Object><Key>a</Key></Object><Object><Key>secret</Key></Object>"
        + "<Object><Key>never-existed</Key></Object></Delete>";
    String result = text(s3.call("POST", "/bk1?delete", body));
    assertThat(result).contains("<Deleted><Key>a</Key></Deleted>")
        .contains("<Error><Key>secret</Key><Code>AccessDenied</Code>")
        .contains("<Deleted><Key>never-existed</Key></Deleted>");
    String quiet = text(s3.call("POST", "/bk1?delete", "<Delete><Quiet>true</Quiet><Object><Key>x</Key></Object></Delete>"));
    assertThat(quiet).doesNotContain("<Deleted>");
    assertError(() -> s3.call("POST", "/bk1?delete", "<Delete></Delete>"), S3ErrorCode.MALFORMED_XML);
    assertError(() -> s3.call("POST", "/bk1?delete", "not xml"), S3ErrorCode.MALFORMED_XML);
  }

  @Test
  void copyObject_copyAndReplaceMetadata() {
    s3.call("PUT", "/bk1");
    s3.call("PUT", "/bk2");
    s3.call("PUT", "/bk1/src", "data", "Content-Type", "text/plain", "x-amz-meta-a", "1");
    HttpResponse copy = s3.call("PUT", "/bk2/dst", new byte[0], "x-amz-copy-source", "/bk1/src");
    assertThat(text(copy)).contains("<CopyObjectResult").contains("<ETag>&quot;");
    assertThat(s3.call("GET", "/bk2/dst").headers().get("x-amz-meta-a")).isEqualTo("1");
    assertError(() -> s3.call("PUT", "/bk1/src", new byte[0], "x-amz-copy-source", "bk1/src"),
        S3ErrorCode.INVALID_REQUEST);
    s3.call("PUT", "/bk1/src", new byte[0], "x-amz-copy-source", "bk1/src", "x-amz-metadata-directive", "REPLACE",
        "Content-Type", "a/b");
    assertThat(s3.call("GET", "/bk1/src").headers().get("Content-Type")).isEqualTo("a/b");
    assertError(() -> s3.call("PUT", "/bk2/x", new byte[0], "x-amz-copy-source", "/bk1/none"),
        S3ErrorCode.NO_SUCH_KEY);
    assertThat(s3.checks).anySatisfy(check -> {
      assertThat(check.action()).isEqualTo("s3:GetObject");
      assertThat(check.resourceArn()).isEqualTo("arn:aws:s3:::bk1/src");
    });
  }

  @Test
  void multipart_fullFlowAndErrors() {
    s3.call("PUT", "/bk1");
    String uploadId = element(s3.call("POST", "/bk1/big?uploads", new byte[0], "Content-Type", "video/mp4"),
        "UploadId");
    String part1 = s3.call("PUT", "/bk1/big?partNumber=1&uploadId=" + uploadId, "0123456789AB")
        .headers().get("ETag");
    String part2 = s3.call("PUT", "/bk1/big?partNumber=2&uploadId=" + uploadId, "tail").headers().get("ETag");
    assertError(() -> s3.call("PUT", "/bk1/big?partNumber=0&uploadId=" + uploadId, "x"),
        S3ErrorCode.INVALID_ARGUMENT);
    assertError(() -> s3.call("PUT", "/bk1/big?partNumber=1&uploadId=nope", "x"), S3ErrorCode.NO_SUCH_UPLOAD);
    assertThat(text(s3.call("GET", "/bk1/big?uploadId=" + uploadId))).contains("<PartNumber>2</PartNumber>");
    assertThat(text(s3.call("GET", "/bk1?uploads"))).contains("<UploadId>" + uploadId + "</UploadId>");

    assertError(() -> complete(uploadId, 2, part2, 1, part1), S3ErrorCode.INVALID_PART_ORDER);
    assertError(() -> complete(uploadId, 1, "\"bad\"", 2, part2), S3ErrorCode.INVALID_PART);
    assertError(() -> complete(uploadId, 1, part1, 3, part2), S3ErrorCode.INVALID_PART);
    assertError(() -> complete(uploadId, 2, part2, 3, part1), S3ErrorCode.INVALID_PART);
    assertError(() -> s3.call("POST", "/bk1/big?uploadId=" + uploadId, "<x/>"), S3ErrorCode.MALFORMED_XML);

    HttpResponse done = complete(uploadId, 1, part1, 2, part2);
    String expected = ETags.multipart(java.util.List.of(ETags.normalize(part1), ETags.normalize(part2)));
    assertThat(element(done, "ETag")).isEqualTo("&quot;" + expected + "&quot;");
    HttpResponse get = s3.call("GET", "/bk1/big");
    assertThat(text(get)).isEqualTo("0123456789ABtail");
    assertThat(get.headers().get("Content-Type")).isEqualTo("video/mp4");
    assertError(() -> complete(uploadId, 1, part1, 2, part2), S3ErrorCode.NO_SUCH_UPLOAD);

    String small = element(s3.call("POST", "/bk1/small?uploads"), "UploadId");
    String tiny = s3.call("PUT", "/bk1/small?partNumber=1&uploadId=" + small, "tiny").headers().get("ETag");
    String last = s3.call("PUT", "/bk1/small?partNumber=2&uploadId=" + small, "x").headers().get("ETag");
    assertError(() -> s3.call("POST", "/bk1/small?uploadId=" + small, completeBody(1, tiny, 2, last)),
        S3ErrorCode.ENTITY_TOO_SMALL);
    assertThat(s3.call("DELETE", "/bk1/small?uploadId=" + small).status()).isEqualTo(204);
    assertError(() -> s3.call("DELETE", "/bk1/small?uploadId=" + small), S3ErrorCode.NO_SUCH_UPLOAD);
  }

  private HttpResponse complete(String uploadId, int n1, String e1, int n2, String e2) {
    return s3.call("POST", "/bk1/big?uploadId=" + uploadId, completeBody(n1, e1, n2, e2));
  }

  private static String completeBody(int n1, String e1, int n2, String e2) {
    return "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        + "<Part><PartNumber>" + n1 + "</PartNumber><ETag>" + e1 + "</ETag></Part>"
        + "<Part><PartNumber>" + n2 + "</PartNumber><ETag>" + e2 + "</ETag></Part></CompleteMultipartUpload>";
  }

  @Test
  void bucketPolicy_validatedStoredAndAttachedToChecks() {
    s3.call("PUT", "/bk1");
    assertError(() -> s3.call("GET", "/bk1?policy"), S3ErrorCode.NO_SUCH_BUCKET_POLICY);
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bk1/*\"}]}";
    assertThat(s3.call("PUT", "/bk1?policy", policy).status()).isEqualTo(204);
    assertThat(text(s3.call("GET", "/bk1?policy"))).isEqualTo(policy);

    s3.call("PUT", "/bk1/k", "x");
    assertThat(s3.checks.get(s3.checks.size() - 1).resourcePolicy()).isEqualTo(policy);

    assertError(() -> s3.call("PUT", "/bk1?policy", "not json"), S3ErrorCode.MALFORMED_POLICY);
    assertError(() -> s3.call("PUT", "/bk1?policy", policy.replace("bk1/*", "other/*")), S3ErrorCode.MALFORMED_POLICY);
    assertError(() -> s3.call("PUT", "/bk1?policy", policy.replace("s3:GetObject", "iam:GetUser")),
        S3ErrorCode.MALFORMED_POLICY);
    assertError(() -> s3.call("PUT", "/bk1?policy", policy.replace("\"Principal\":\"*\",", "")),
        S3ErrorCode.MALFORMED_POLICY);

    assertThat(s3.call("DELETE", "/bk1?policy").status()).isEqualTo(204);
    assertError(() -> s3.call("GET", "/bk1?policy"), S3ErrorCode.NO_SUCH_BUCKET_POLICY);
    assertThat(s3.call("DELETE", "/bk1?policy").status()).isEqualTo(204);
  }

  @Test
  void unsupported_subresourcesAndMethods() {
    s3.call("PUT", "/bk1");
    assertError(() -> s3.call("GET", "/bk1?acl"), S3ErrorCode.NOT_IMPLEMENTED);
    assertError(() -> s3.call("POST", "/bk1/k"), S3ErrorCode.METHOD_NOT_ALLOWED);
  }

  @Test
  void objectWriter_writesForTheRecorder() {
    s3.call("PUT", "/rec");
    String etag = s3.service.bucketDirectory().put("rec", "ivs/v1/a/b.ts", "ts".getBytes(StandardCharsets.UTF_8),
        "video/MP2T");
    assertThat(s3.call("GET", "/rec/ivs/v1/a/b.ts").headers().get("ETag")).isEqualTo("\"" + etag + "\"");
    assertThatThrownBy(() -> s3.service.bucketDirectory().put("none", "k", new byte[0], "x/y"))
        .isInstanceOf(IllegalStateException.class);
  }
}

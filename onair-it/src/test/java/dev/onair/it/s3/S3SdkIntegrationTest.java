package dev.onair.it.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** The happy paths through the AWS SDK for Java v2 S3Client and S3Presigner, path style. */
class S3SdkIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private static OnairProcess onair() {
    return ONAIR.process();
  }

  @AfterAll
  static void logHasNoStackTraces() {
    assertThat(onair().log()).doesNotContain("\tat ");
  }

  @Test
  void bucketLifecycle_createHeadLocationListDelete() {
    try (S3Client s3 = S3Clients.s3(onair());
        S3Client eu = S3Clients.s3(onair(), Clients.admin(), Region.EU_WEST_1)) {
      s3.createBucket(b -> b.bucket("sdk-life"));
      eu.createBucket(b -> b.bucket("sdk-life-eu").createBucketConfiguration(
          c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
      s3.headBucket(b -> b.bucket("sdk-life"));
      assertThat(s3.getBucketLocation(b -> b.bucket("sdk-life")).locationConstraintAsString()).isEmpty();
      assertThat(eu.getBucketLocation(b -> b.bucket("sdk-life-eu")).locationConstraint())
          .isEqualTo(BucketLocationConstraint.EU_WEST_1);
      assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("sdk-life", "sdk-life-eu");
      s3.deleteBucket(b -> b.bucket("sdk-life"));
      eu.deleteBucket(b -> b.bucket("sdk-life-eu"));
      assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).doesNotContain("sdk-life");
    }
  }

  @Test
  void putGetHead_metadataRangeAndChunkedUpload() throws Exception {
    try (S3Client s3 = S3Clients.s3(onair())) {
      s3.createBucket(b -> b.bucket("sdk-objects"));
      byte[] data = randomBytes(300_000);
      // over plain HTTP the SDK streams this as aws-chunked with signed chunks and a checksum trailer
      software.amazon.awssdk.services.s3.model.PutObjectResponse put = s3.putObject(
          b -> b.bucket("sdk-objects").key("dir/file one.bin").contentType("application/x-test")
              .metadata(Map.of("origin", "it"))
              .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32),
          RequestBody.fromBytes(data));
      String etag = put.eTag();
      assertThat(etag).isEqualTo("\"" + md5Hex(data) + "\"");
      // the CRC32 travelled in the aws-chunked trailer; S3 checks it and answers with it
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(data);
      byte[] crcBytes = java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
      assertThat(put.checksumCRC32()).isEqualTo(java.util.Base64.getEncoder().encodeToString(crcBytes));

      ResponseBytes<GetObjectResponse> got =
          s3.getObjectAsBytes(b -> b.bucket("sdk-objects").key("dir/file one.bin"));
      assertThat(got.asByteArray()).isEqualTo(data);
      assertThat(got.response().contentType()).isEqualTo("application/x-test");
      assertThat(got.response().metadata()).containsEntry("origin", "it");
      assertThat(got.response().eTag()).isEqualTo(etag);

      ResponseBytes<GetObjectResponse> range =
          s3.getObjectAsBytes(b -> b.bucket("sdk-objects").key("dir/file one.bin").range("bytes=100-199"));
      assertThat(range.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 200));
      assertThat(range.response().contentRange()).isEqualTo("bytes 100-199/300000");

      HeadObjectResponse head = s3.headObject(b -> b.bucket("sdk-objects").key("dir/file one.bin"));
      assertThat(head.contentLength()).isEqualTo(300_000L);
      assertThat(head.eTag()).isEqualTo(etag);

      s3.putObject(b -> b.bucket("sdk-objects").key("empty"), RequestBody.empty());
      assertThat(s3.getObjectAsBytes(b -> b.bucket("sdk-objects").key("empty")).asByteArray()).isEmpty();
    }
  }

  @Test
  void listObjectsV2_delimiterPrefixesAndPaging() {
    try (S3Client s3 = S3Clients.s3(onair())) {
      s3.createBucket(b -> b.bucket("sdk-list"));
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        keys.add(String.format("logs/2025/%02d.txt", i));
      }
      keys.addAll(List.of("a.txt", "b/one", "b/two", "key with spaces+plus"));
      for (String key : keys) {
        s3.putObject(b -> b.bucket("sdk-list").key(key), RequestBody.fromString(key));
      }
      ListObjectsV2Response root = s3.listObjectsV2(b -> b.bucket("sdk-list").delimiter("/"));
      assertThat(root.contents()).extracting(S3Object::key).containsExactly("a.txt", "key with spaces+plus");
      assertThat(root.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("b/", "logs/");

      List<String> paged = new ArrayList<>();
      s3.listObjectsV2Paginator(b -> b.bucket("sdk-list").prefix("logs/").maxKeys(7))
          .forEach(page -> {
            assertThat(page.keyCount()).isLessThanOrEqualTo(7);
            page.contents().forEach(o -> paged.add(o.key()));
          });
      assertThat(paged).hasSize(25).isSorted();

      ListObjectsV2Response after = s3.listObjectsV2(b -> b.bucket("sdk-list").startAfter("logs/2025/23.txt"));
      assertThat(after.contents()).extracting(S3Object::key).containsExactly("logs/2025/24.txt");
      assertThat(s3.listObjects(b -> b.bucket("sdk-list").prefix("b/")).contents())
          .extracting(S3Object::key).containsExactly("b/one", "b/two");
    }
  }

  @Test
  void deleteObjectsAndCopy() {
    try (S3Client s3 = S3Clients.s3(onair())) {
      s3.createBucket(b -> b.bucket("sdk-copy"));
      s3.putObject(b -> b.bucket("sdk-copy").key("src").metadata(Map.of("m", "1")), RequestBody.fromString("copy me"));
      s3.copyObject(b -> b.sourceBucket("sdk-copy").sourceKey("src").destinationBucket("sdk-copy")
          .destinationKey("dst"));
      assertThat(s3.getObjectAsBytes(b -> b.bucket("sdk-copy").key("dst")).asUtf8String()).isEqualTo("copy me");
      assertThat(s3.headObject(b -> b.bucket("sdk-copy").key("dst")).metadata()).containsEntry("m", "1");

      var result = s3.deleteObjects(b -> b.bucket("sdk-copy").delete(d -> d.objects(
          ObjectIdentifier.builder().key("src").build(), ObjectIdentifier.builder().key("dst").build(),
          ObjectIdentifier.builder().key("never").build())));
      assertThat(result.deleted()).hasSize(3);
      assertThat(result.errors()).isEmpty();
      assertThat(s3.listObjectsV2(b -> b.bucket("sdk-copy")).contents()).isEmpty();
    }
  }

  @Test
  void multipartUpload_completeListPartsAbort() {
    try (S3Client s3 = S3Clients.s3(onair())) {
      s3.createBucket(b -> b.bucket("sdk-multipart"));
      byte[] part1 = randomBytes(5 * 1024 * 1024);
      byte[] part2 = randomBytes(1234);
      String uploadId = s3.createMultipartUpload(b -> b.bucket("sdk-multipart").key("video.ts")
          .contentType("video/MP2T")).uploadId();
      String etag1 = s3.uploadPart(b -> b.bucket("sdk-multipart").key("video.ts").uploadId(uploadId).partNumber(1),
          RequestBody.fromBytes(part1)).eTag();
      String etag2 = s3.uploadPart(b -> b.bucket("sdk-multipart").key("video.ts").uploadId(uploadId).partNumber(2),
          RequestBody.fromBytes(part2)).eTag();
      assertThat(s3.listParts(b -> b.bucket("sdk-multipart").key("video.ts").uploadId(uploadId)).parts())
          .extracting(p -> p.partNumber()).containsExactly(1, 2);
      assertThat(s3.listMultipartUploads(b -> b.bucket("sdk-multipart")).uploads())
          .extracting(u -> u.uploadId()).containsExactly(uploadId);

      String etag = s3.completeMultipartUpload(b -> b.bucket("sdk-multipart").key("video.ts").uploadId(uploadId)
          .multipartUpload(m -> m.parts(
              CompletedPart.builder().partNumber(1).eTag(etag1).build(),
              CompletedPart.builder().partNumber(2).eTag(etag2).build()))).eTag();
      assertThat(etag).matches("\"[0-9a-f]{32}-2\"");
      byte[] whole = s3.getObjectAsBytes(b -> b.bucket("sdk-multipart").key("video.ts")).asByteArray();
      assertThat(whole).hasSize(part1.length + part2.length);
      assertThat(java.util.Arrays.copyOfRange(whole, part1.length, whole.length)).isEqualTo(part2);

      String aborted = s3.createMultipartUpload(b -> b.bucket("sdk-multipart").key("gone")).uploadId();
      s3.abortMultipartUpload(b -> b.bucket("sdk-multipart").key("gone").uploadId(aborted));
      assertThat(s3.listMultipartUploads(b -> b.bucket("sdk-multipart")).uploads()).isEmpty();
    }
  }

  @Test
  void presignedPutAndGet() throws Exception {
    try (S3Client s3 = S3Clients.s3(onair()); S3Presigner presigner = S3Clients.presigner(onair())) {
      s3.createBucket(b -> b.bucket("sdk-presigned"));
      PresignedPutObjectRequest put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
          .putObjectRequest(b -> b.bucket("sdk-presigned").key("upload.txt").contentType("text/plain")));
      HttpRequest.Builder putRequest = HttpRequest.newBuilder(put.url().toURI())
          .PUT(HttpRequest.BodyPublishers.ofString("via presigned put"));
      put.signedHeaders().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("host")) {
          values.forEach(value -> putRequest.header(name, value));
        }
      });
      HttpResponse<String> putResponse = HTTP.send(putRequest.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(putResponse.statusCode()).as(putResponse.body()).isEqualTo(200);

      PresignedGetObjectRequest get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(b -> b.bucket("sdk-presigned").key("upload.txt")));
      HttpResponse<String> getResponse =
          HTTP.send(HttpRequest.newBuilder(get.url().toURI()).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(getResponse.statusCode()).isEqualTo(200);
      assertThat(getResponse.body()).isEqualTo("via presigned put");
      assertThat(getResponse.headers().firstValue("Content-Type")).contains("text/plain");

      // a tampered signature is refused in S3's error format
      URI tampered = URI.create(get.url().toString().replaceAll("X-Amz-Signature=[0-9a-f]{4}", "X-Amz-Signature=0000"));
      HttpResponse<String> bad =
          HTTP.send(HttpRequest.newBuilder(tampered).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(403);
      assertThat(bad.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }
  }

  static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  static String md5Hex(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

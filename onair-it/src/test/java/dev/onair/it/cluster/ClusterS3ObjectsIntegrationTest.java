package dev.onair.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.it.Clients;
import dev.onair.it.OnairProcess;
import dev.onair.storage.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 API's object bytes live in the external store (moto here) when {@code --s3-endpoint} is set, so an
 * object written through one node is read, listed and deleted through another.
 */
class ClusterS3ObjectsIntegrationTest {
  private static final String EXTERNAL_BUCKET = "onair-cluster-objects";
  private static MotoServer moto;
  private static Cluster cluster;
  private static S3Client a;
  private static S3Client b;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    cluster = Cluster.start(2,
        "--s3-endpoint", moto.endpoint().toString(),
        "--s3-access-key-id", MotoServer.ACCESS_KEY_ID,
        "--s3-secret-access-key", MotoServer.SECRET_ACCESS_KEY,
        "--s3-bucket", EXTERNAL_BUCKET);
    a = s3(cluster.node(0));
    b = s3(cluster.node(1));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  static S3Client s3(OnairProcess node) {
    return S3Client.builder().endpointOverride(node.endpoint()).forcePathStyle(true).region(Region.US_WEST_2)
        .credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Test
  void objectPutThroughOneNodeIsReadListedAndDeletedThroughAnother() {
    a.createBucket(r -> r.bucket("shared-objects"));
    a.putObject(r -> r.bucket("shared-objects").key("dir/hello.txt").contentType("text/plain")
        .metadata(Map.of("owner", "node-a")), RequestBody.fromString("hello from node A"));
    a.putObject(r -> r.bucket("shared-objects").key("dir/other.txt"), RequestBody.fromString("x"));

    ResponseBytes<GetObjectResponse> read =
        b.getObjectAsBytes(r -> r.bucket("shared-objects").key("dir/hello.txt"));
    assertThat(read.asUtf8String()).isEqualTo("hello from node A");
    assertThat(read.response().contentType()).isEqualTo("text/plain");
    assertThat(read.response().metadata()).containsEntry("owner", "node-a");

    ResponseBytes<GetObjectResponse> range =
        b.getObjectAsBytes(r -> r.bucket("shared-objects").key("dir/hello.txt").range("bytes=6-9"));
    assertThat(range.asUtf8String()).isEqualTo("from");
    assertThat(range.response().contentRange()).isEqualTo("bytes 6-9/17");

    assertThat(b.listObjectsV2(r -> r.bucket("shared-objects").prefix("dir/")).contents())
        .extracting(S3Object::key).containsExactly("dir/hello.txt", "dir/other.txt");
    assertThat(b.headObject(r -> r.bucket("shared-objects").key("dir/hello.txt")).contentLength()).isEqualTo(17);

    b.deleteObject(r -> r.bucket("shared-objects").key("dir/hello.txt"));
    assertThatThrownBy(() -> a.getObjectAsBytes(r -> r.bucket("shared-objects").key("dir/hello.txt")))
        .isInstanceOf(NoSuchKeyException.class);
    assertThat(a.listObjectsV2(r -> r.bucket("shared-objects")).contents())
        .extracting(S3Object::key).containsExactly("dir/other.txt");

    // nothing of it on either node's disk: the bytes are in the external store
    try (S3Client external = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      assertThat(external.listObjectsV2(r -> r.bucket(EXTERNAL_BUCKET).prefix("onair-s3/shared-objects/"))
          .contents()).extracting(S3Object::key).containsExactly("onair-s3/shared-objects/o/dir/other.txt");
    }
  }

  @Test
  void multipartUploadedThroughOneNodeIsReadThroughAnother() {
    a.createBucket(r -> r.bucket("shared-multipart"));
    String uploadId = a.createMultipartUpload(r -> r.bucket("shared-multipart").key("big.bin")).uploadId();
    byte[] first = new byte[5 * 1024 * 1024];
    Arrays.fill(first, (byte) 'a');
    byte[] second = "the end".getBytes(StandardCharsets.UTF_8);
    List<CompletedPart> parts = new ArrayList<>();
    String etag1 = a.uploadPart(r -> r.bucket("shared-multipart").key("big.bin").uploadId(uploadId).partNumber(1),
        RequestBody.fromBytes(first)).eTag();
    parts.add(CompletedPart.builder().partNumber(1).eTag(etag1).build());
    // the second part through the other node: the upload itself is shared too
    String etag2 = b.uploadPart(r -> r.bucket("shared-multipart").key("big.bin").uploadId(uploadId).partNumber(2),
        RequestBody.fromBytes(second)).eTag();
    parts.add(CompletedPart.builder().partNumber(2).eTag(etag2).build());
    assertThat(b.listParts(r -> r.bucket("shared-multipart").key("big.bin").uploadId(uploadId)).parts())
        .hasSize(2);
    a.completeMultipartUpload(r -> r.bucket("shared-multipart").key("big.bin").uploadId(uploadId)
        .multipartUpload(m -> m.parts(parts)));

    byte[] whole = b.getObjectAsBytes(r -> r.bucket("shared-multipart").key("big.bin")).asByteArray();
    assertThat(whole).hasSize(first.length + second.length);
    assertThat(new String(whole, first.length, second.length, StandardCharsets.UTF_8)).isEqualTo("the end");
    assertThat(b.getObjectAsBytes(r -> r.bucket("shared-multipart").key("big.bin")
        .range("bytes=-7")).asUtf8String()).isEqualTo("the end");
    assertThat(b.listMultipartUploads(r -> r.bucket("shared-multipart")).uploads()).isEmpty();
  }
}

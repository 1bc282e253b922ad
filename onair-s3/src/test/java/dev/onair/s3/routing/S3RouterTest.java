package dev.onair.s3.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.RestRoute;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3RouterTest {
  private static final S3Router ROUTER = new S3Router(List.of("s3.localhost", "onair.example.com"));

  private static RestRoute route(String method, String host, String path, String query, String... headers) {
    HttpHeaders httpHeaders = HttpHeaders.of("Host", host);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      httpHeaders = httpHeaders.with(headers[i], headers[i + 1]);
    }
    HttpRequest request = new HttpRequest(method, path, query, httpHeaders, new byte[0], "127.0.0.1", false);
    return ROUTER.route(request).orElseThrow();
  }

  @ParameterizedTest(name = "{0} {1}{2}?{3} -> {4} bucket={5} key={6}")
  @CsvSource(
      nullValues = "none",
      value = {
        // path style
        "GET, localhost:4566, /, '', ListBuckets, none, none",
        "PUT, localhost:4566, /b1, '', CreateBucket, b1, none",
        "PUT, localhost:4566, /b1/, '', CreateBucket, b1, none",
        "HEAD, localhost:4566, /b1, '', HeadBucket, b1, none",
        "DELETE, localhost:4566, /b1, '', DeleteBucket, b1, none",
        "GET, localhost:4566, /b1, location, GetBucketLocation, b1, none",
        "GET, localhost:4566, /b1, policy, GetBucketPolicy, b1, none",
        "PUT, localhost:4566, /b1, policy, PutBucketPolicy, b1, none",
        "DELETE, localhost:4566, /b1, policy, DeleteBucketPolicy, b1, none",
        "GET, localhost:4566, /b1, list-type=2&prefix=a, ListObjectsV2, b1, none",
        "GET, localhost:4566, /b1, '', ListObjects, b1, none",
        "GET, localhost:4566, /b1, uploads, ListMultipartUploads, b1, none",
        "POST, localhost:4566, /b1, delete, DeleteObjects, b1, none",
        "PUT, localhost:4566, /b1/a/b.txt, '', PutObject, b1, a/b.txt",
        "GET, localhost:4566, /b1/a/b.txt, '', GetObject, b1, a/b.txt",
        "GET, localhost:4566, /b1/a/b.txt, x-id=GetObject, GetObject, b1, a/b.txt",
        "HEAD, localhost:4566, /b1/k, '', HeadObject, b1, k",
        "DELETE, localhost:4566, /b1/k, '', DeleteObject, b1, k",
        "POST, localhost:4566, /b1/k, uploads, CreateMultipartUpload, b1, k",
        "PUT, localhost:4566, /b1/k, partNumber=1&uploadId=u, UploadPart, b1, k",
        "POST, localhost:4566, /b1/k, uploadId=u, CompleteMultipartUpload, b1, k",
        "DELETE, localhost:4566, /b1/k, uploadId=u, AbortMultipartUpload, b1, k",
        "GET, localhost:4566, /b1/k, uploadId=u, ListParts, b1, k",
        "GET, localhost:4566, /b1/dir%2Fa%20b+c, '', GetObject, b1, dir/a b+c",
        "GET, localhost:4566, /b1/a//b/../c, '', GetObject, b1, a//b/../c",
        "GET, 127.0.0.1:4566, /b1, acl, NotImplemented, b1, none",
        "GET, localhost:4566, /b1/k, tagging, NotImplemented, b1, k",
        "POST, localhost:4566, /b1/k, '', MethodNotAllowed, b1, k",
        "PUT, localhost:4566, /, '', MethodNotAllowed, none, none",
        // virtual-host style
        "GET, b1.s3.localhost:4566, /, list-type=2, ListObjectsV2, b1, none",
        "PUT, b1.s3.localhost, /, '', CreateBucket, b1, none",
        "GET, my.dotted.bucket.s3.localhost:4566, /k, '', GetObject, my.dotted.bucket, k",
        "PUT, B1.S3.LOCALHOST:4566, /dir/k, '', PutObject, b1, dir/k",
        "GET, b1.onair.example.com, /k/, '', GetObject, b1, k/",
        "GET, s3.localhost:4566, /, '', ListBuckets, none, none",
        "GET, s3.localhost:4566, /b1/k, '', GetObject, b1, k",
        "GET, other.example.com, /b1/k, '', GetObject, b1, k",
      })
  void route_operationBucketAndKey(
      String method, String host, String path, String query, String operation, String bucket, String key) {
    RestRoute route = route(method, host, path, query);
    assertThat(route.operationName()).isEqualTo(operation);
    assertThat(route.boundMembers().string("Bucket")).isEqualTo(bucket);
    assertThat(route.boundMembers().string("Key")).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({"PUT, '', CopyObject", "PUT, partNumber=2&uploadId=u, UploadPartCopy"})
  void route_copySourceHeader(String method, String query, String operation) {
    RestRoute route = route(method, "localhost", "/b1/k", query, "x-amz-copy-source", "/src/k");
    assertThat(route.operationName()).isEqualTo(operation);
  }

  @ParameterizedTest
  @CsvSource({"'b.s3.localhost', b", "'b.s3.localhost:80', b", "'s3.localhost', ''", "'x.y', ''"})
  void bucketFromHost_suffixes(String host, String expected) {
    String bucket = S3Address.bucketFromHost(host, List.of("s3.localhost"));
    assertThat(bucket == null ? "" : bucket).isEqualTo(expected);
  }
}

package dev.onair.it.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Virtual-host-style addressing ({@code Host: <bucket>.s3.localhost:<port>}) and path style reach the same buckets
 * and objects. Sent over a socket with an explicit Host, because {@code *.localhost} need not resolve.
 */
class S3VirtualHostIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();

  private static OnairProcess onair() {
    return ONAIR.process();
  }

  @Test
  void virtualHostAndPathStyle_sameObjects() {
    int port = onair().httpPort();
    String virtualHost = "vhost-bucket.s3.localhost:" + port;
    String pathHost = "127.0.0.1:" + port;

    assertThat(RawS3.signed(onair(), "PUT", virtualHost, "/", new byte[0]).status()).isEqualTo(200);
    RawS3.Response put = RawS3.signed(onair(), "PUT", virtualHost, "/dir/hello.txt", RawS3.utf8("hi there"),
        "Content-Type", "text/plain");
    assertThat(put.status()).as(put.body()).isEqualTo(200);

    RawS3.Response viaPath = RawS3.signed(onair(), "GET", pathHost, "/vhost-bucket/dir/hello.txt", new byte[0]);
    assertThat(viaPath.status()).isEqualTo(200);
    assertThat(viaPath.body()).isEqualTo("hi there");
    assertThat(viaPath.header("ETag")).isEqualTo(put.header("ETag"));

    RawS3.Response list = RawS3.signed(onair(), "GET", virtualHost, "/?list-type=2&prefix=dir%2F", new byte[0]);
    assertThat(list.body()).contains("<Name>vhost-bucket</Name>").contains("<Key>dir/hello.txt</Key>");

    RawS3.Response head = RawS3.signed(onair(), "HEAD", virtualHost, "/dir/hello.txt", new byte[0]);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo("8");

    RawS3.Response missing = RawS3.signed(onair(), "GET", "other-bucket.s3.localhost:" + port, "/k", new byte[0]);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("<BucketName>other-bucket</BucketName>");
  }
}

package dev.onair.it.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.AwsCli;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The aws CLI's high-level {@code s3} commands (multipart for large files) and a few {@code s3api} calls. */
class S3CliIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();

  @TempDir Path work;

  private static OnairProcess onair() {
    return ONAIR.process();
  }

  private static AwsCli.Result aws(String... arguments) {
    AwsCli.Result result = AwsCli.runAsAdmin(AwsCli.ON_PATH, onair(), arguments);
    assertThat(result.exitCode()).as("aws %s\n%s", String.join(" ", arguments), result.stderr()).isZero();
    return result;
  }

  @Test
  void s3Commands_mbCpLsSyncRmRb() throws Exception {
    aws("s3", "mb", "s3://cli-bucket");
    assertThat(aws("s3", "ls").stdout()).contains("cli-bucket");

    byte[] large = new byte[20 * 1024 * 1024];
    new Random(20).nextBytes(large);
    Path upload = work.resolve("large.bin");
    Files.write(upload, large);
    aws("s3", "cp", upload.toString(), "s3://cli-bucket/videos/large.bin");
    Files.writeString(work.resolve("small.txt"), "small file");
    aws("s3", "cp", work.resolve("small.txt").toString(), "s3://cli-bucket/small.txt");

    String listing = aws("s3", "ls", "s3://cli-bucket/", "--recursive").stdout();
    assertThat(listing).contains("videos/large.bin").contains(Integer.toString(large.length)).contains("small.txt");

    String head = aws("s3api", "head-object", "--bucket", "cli-bucket", "--key", "videos/large.bin").stdout();
    assertThat(head).contains("\"ContentLength\": " + large.length).containsPattern("\\\"ETag\\\": \"\\\\\"[0-9a-f]{32}-3");

    Path download = work.resolve("download.bin");
    aws("s3", "cp", "s3://cli-bucket/videos/large.bin", download.toString());
    assertThat(Files.readAllBytes(download)).isEqualTo(large);

    Path synced = work.resolve("synced");
    aws("s3", "sync", "s3://cli-bucket/", synced.toString());
    assertThat(Files.readString(synced.resolve("small.txt"))).isEqualTo("small file");

    assertThat(aws("s3api", "get-bucket-location", "--bucket", "cli-bucket").stdout())
        .contains("\"LocationConstraint\": null");
    AwsCli.Result rbNotEmpty = AwsCli.runAsAdmin(AwsCli.ON_PATH, onair(), "s3", "rb", "s3://cli-bucket");
    assertThat(rbNotEmpty.exitCode()).isNotZero();
    assertThat(rbNotEmpty.stderr()).contains("BucketNotEmpty");

    aws("s3", "rm", "s3://cli-bucket/", "--recursive");
    aws("s3", "rb", "s3://cli-bucket");
    assertThat(aws("s3", "ls").stdout()).doesNotContain("cli-bucket");
  }

  @Test
  void s3api_policyAndErrors() throws Exception {
    aws("s3api", "create-bucket", "--bucket", "cli-api-bucket");
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::cli-api-bucket/*\"}]}";
    aws("s3api", "put-bucket-policy", "--bucket", "cli-api-bucket", "--policy", policy);
    assertThat(aws("s3api", "get-bucket-policy", "--bucket", "cli-api-bucket").stdout()).contains("s3:GetObject");

    AwsCli.Result missing = AwsCli.runAsAdmin(AwsCli.ON_PATH, onair(),
        "s3api", "get-object", "--bucket", "cli-api-bucket", "--key", "nope", work.resolve("x").toString());
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.stderr()).contains("NoSuchKey");

    Files.writeString(work.resolve("obj.txt"), "object");
    aws("s3api", "put-object", "--bucket", "cli-api-bucket", "--key", "a b/obj.txt", "--body",
        work.resolve("obj.txt").toString());
    assertThat(aws("s3api", "list-objects-v2", "--bucket", "cli-api-bucket", "--delimiter", "/").stdout())
        .contains("\"Prefix\": \"a b/\"");
    aws("s3api", "delete-bucket-policy", "--bucket", "cli-api-bucket");
  }
}

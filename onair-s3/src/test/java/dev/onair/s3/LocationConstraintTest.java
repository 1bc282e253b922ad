package dev.onair.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.error.AwsServiceException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LocationConstraintTest {
  @TempDir Path dataDir;

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("not a region", "moon"),
        Arguments.of("us-east-1 named explicitly", "us-east-1"),
        Arguments.of("a region-shaped name of 21 characters", "us-" + "a".repeat(16) + "-1"),
        Arguments.of("a region-shaped name of 400 characters (reached the database: 500)",
            "us-east" + "a".repeat(391) + "-1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void createBucket_badConstraint_isInvalidLocationConstraint(String rule, String constraint) {
    TestCalls s3 = new TestCalls(dataDir, 10);

    assertThatThrownBy(() -> s3.call("PUT", "/bucket-a", configuration(constraint)))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_LOCATION_CONSTRAINT));
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("eu-west-1"),
        Arguments.of("ap-southeast-2"),
        Arguments.of("us-gov-west-1"),
        Arguments.of("us-" + "a".repeat(15) + "-1"));
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void createBucket_regionName_isAccepted(String constraint) {
    TestCalls s3 = new TestCalls(dataDir, 10);

    assertThat(s3.call("PUT", "/bucket-a", configuration(constraint)).status()).isEqualTo(200);
  }

  private static String configuration(String constraint) {
    return "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>"
        + constraint + "</LocationConstraint></CreateBucketConfiguration>";
  }
}

package dev.onair.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "my-bucket, true",
    "abc, true",
    "a.b.c, true",
    "123, true",
    "recordings.example.com, true",
    "ab, false",
    "a23456789012345678901234567890123456789012345678901234567890123, true",
    "a234567890123456789012345678901234567890123456789012345678901234, false",
    "MyBucket, false",
    "my_bucket, false",
    "-bucket, false",
    "bucket-, false",
    ".bucket, false",
    "my..bucket, false",
    "my.-bucket, false",
    "my-.bucket, false",
    "192.168.5.4, false",
    "xn--bucket, false",
    "sthree-bucket, false",
    "amzn-s3-demo-bucket, false",
    "bucket-s3alias, false",
    "bucket--ol-s3, false",
    "bucket.mrap, false",
    "bucket--x-s3, false",
    "bucket--table-s3, false",
  })
  void isValid_rules(String name, boolean valid) {
    assertThat(BucketNames.isValid(name)).isEqualTo(valid);
  }
}

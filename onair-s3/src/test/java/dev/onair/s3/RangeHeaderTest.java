package dev.onair.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.error.AwsServiceException;
import dev.onair.s3.model.ByteRange;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeHeaderTest {
  @ParameterizedTest(name = "{0} of {1}")
  @CsvSource(
      nullValues = "none",
      value = {
        "bytes=0-9, 100, 0, 9",
        "bytes=10-, 100, 10, 99",
        "bytes=-10, 100, 90, 99",
        "bytes=-500, 100, 0, 99",
        "bytes=90-500, 100, 90, 99",
        "bytes=99-99, 100, 99, 99",
        "bytes = 5 - 6, 100, 5, 6",
        "bytes=0-0, 1, 0, 0",
      })
  void resolve_satisfiable(String header, long size, long first, long last) {
    assertThat(RangeHeader.resolve(header, size)).contains(new ByteRange(first, last));
  }

  @ParameterizedTest(name = "{0} ignored")
  @CsvSource(
      nullValues = "none",
      value = {"none", "items=0-9", "'bytes=0-1,5-6'", "bytes=9-3", "bytes=-", "bytes=abc", "0-9"})
  void resolve_ignoredHeaders(String header) {
    assertThat(RangeHeader.resolve(header, 100)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0} of {1} is unsatisfiable")
  @CsvSource({"bytes=100-, 100", "bytes=100-200, 100", "bytes=0-, 0", "bytes=-0, 100", "bytes=-5, 0"})
  void resolve_unsatisfiable(String header, long size) {
    assertThatThrownBy(() -> RangeHeader.resolve(header, size))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_RANGE);
          assertThat(e.errorCode().httpStatus()).isEqualTo(416);
          assertThat(e.extraFields()).containsEntry("ActualObjectSize", Long.toString(size));
        });
  }

  @ParameterizedTest
  @CsvSource({"0, 9, 100, bytes 0-9/100", "5, 5, 6, bytes 5-5/6"})
  void contentRange_format(long first, long last, long size, String expected) {
    assertThat(new ByteRange(first, last).contentRange(size)).isEqualTo(expected);
  }
}

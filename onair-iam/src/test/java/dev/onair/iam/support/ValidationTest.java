package dev.onair.iam.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.iam.IamErrorCode;
import dev.onair.protocol.error.AwsServiceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationTest {
  @ParameterizedTest(name = "{0} valid={1}")
  @CsvSource({
    "alice, true",
    "Alice.Smith+ops=1@example-2_x, true",
    "'a b', false",
    "'al/ice', false",
    "'', false",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, true",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, false",
  })
  void entityName_followsModelPatternAndLength(String name, boolean valid) {
    if (valid) {
      Validation.entityName("UserName", name, 64);
    } else {
      assertThatThrownBy(() -> Validation.entityName("UserName", name, 64))
          .isInstanceOf(AwsServiceException.class)
          .satisfies(e -> assertThat(((AwsServiceException) e).errorCode()).isEqualTo(IamErrorCode.ValidationError))
          .hasMessageStartingWith("1 validation error detected: Value '" + name + "' at 'userName' failed to");
    }
  }

  @ParameterizedTest(name = "{0} valid={1}")
  @CsvSource({"/, true", "/a/, true", "/a/b/, true", "a/, false", "/a, false", "//, false"})
  void path_mustStartAndEndWithSlash(String path, boolean valid) {
    if (valid) {
      Validation.path("Path", path);
    } else {
      assertThatThrownBy(() -> Validation.path("Path", path)).isInstanceOf(AwsServiceException.class);
    }
  }

  @ParameterizedTest(name = "{0} valid={1}")
  @CsvSource({"/, true", "/team/, true", "/team/sub/, true", "/te am/, false", "/team, false"})
  void policyPath_usesPolicyPattern(String path, boolean valid) {
    if (valid) {
      Validation.policyPath("Path", path);
    } else {
      assertThatThrownBy(() -> Validation.policyPath("Path", path)).isInstanceOf(AwsServiceException.class);
    }
  }

  @ParameterizedTest
  @CsvSource({"0, greater than or equal to 1", "1001, less than or equal to 1000"})
  void range_reportsTheBoundInAwsWords(int value, String bound) {
    assertThatThrownBy(() -> Validation.range("MaxItems", value, 1, 1000))
        .hasMessage("1 validation error detected: Value '" + value
            + "' at 'maxItems' failed to satisfy constraint: Member must have value " + bound);
  }

  @org.junit.jupiter.api.Test
  void requireNotNull_namesTheMember() {
    assertThatThrownBy(() -> Validation.requireNotNull("UserName", null))
        .hasMessage("1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must"
            + " not be null");
  }
}

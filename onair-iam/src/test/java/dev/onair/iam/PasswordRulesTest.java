package dev.onair.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.iam.model.PasswordPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordRulesTest {
  private static final PasswordPolicy STRICT = new PasswordPolicy(10, true, true, true, true, true, null, null, false);

  @ParameterizedTest(name = "default policy: {0}")
  @CsvSource({"Abcdefg1, true", "abcdefg1, false", "Abc1!, false", "abcdefg!1, true", "ABCDEFGH, false"})
  void defaultPolicy_needsEightCharactersOfThreeClasses(String password, boolean ok) {
    assertThat(PasswordRules.violation(null, password) == null).isEqualTo(ok);
  }

  @ParameterizedTest(name = "strict: {0}")
  @CsvSource(delimiter = '|', value = {
    "Abcdefgh1!|",
    "Abc1!|Password should have a minimum length of 10",
    "abcdefgh1!|Password should have at least one uppercase letter",
    "ABCDEFGH1!|Password should have at least one lowercase letter",
    "Abcdefghi!|Password should have at least one number",
    "Abcdefghi1|Password should have at least one symbol",
  })
  void customPolicy_reportsFirstViolation(String password, String expected) {
    assertThat(PasswordRules.violation(STRICT, password)).isEqualTo(expected);
  }
}

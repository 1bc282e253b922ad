package dev.onair.iam.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IamIdsTest {
  @ParameterizedTest
  @CsvSource({"AIDA", "AGPA", "AROA", "ANPA"})
  void uniqueId_is21CharactersOfPrefixAndUpperAlnum(String prefix) {
    for (int i = 0; i < 100; i++) {
      assertThat(IamIds.uniqueId(prefix)).matches(prefix + "[A-Z0-9]{17}");
    }
  }

  @Test
  void accessKeyIds_areTwentyBase32Characters() {
    assertThat(IamIds.accessKeyId(false)).matches("AKIA[A-Z2-7]{16}");
    assertThat(IamIds.accessKeyId(true)).matches("ASIA[A-Z2-7]{16}");
  }

  @Test
  void secrets_areFortyBase64Characters() {
    assertThat(IamIds.secretAccessKey()).matches("[A-Za-z0-9+/]{40}");
    assertThat(IamIds.accountId()).matches("[1-9][0-9]{11}");
  }

  @Test
  void passwords_generatedSatisfyDefaultPolicyAndHashVerify() {
    String password = Passwords.generate();
    String hash = Passwords.hash(password);
    assertThat(hash).startsWith("$argon2id$").doesNotContain(password);
    assertThat(Passwords.verify(password, hash)).isTrue();
    assertThat(Passwords.verify(password + "x", hash)).isFalse();
    assertThat(Passwords.verify(password, "not-a-hash")).isFalse();
  }
}

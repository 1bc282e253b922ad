package dev.onair.ivs.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.error.AwsServiceException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublicKeyMaterialTest {
  private static final String VALID_BODY = validBody();

  private static String validBody() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp384r1"));
      return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String body) {
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----";
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("not PEM", "hello"),
        Arguments.of("not base64", pem("!!!!")),
        Arguments.of("a P-384 header and 9,000 characters of junk (accepted, then 500 storing its PEM)",
            pem("MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE" + "a".repeat(9_000))),
        Arguments.of("a valid key followed by junk", pem(VALID_BODY + "AAAA")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void parse_notOneP384Key_isValidationException(String rule, String text) {
    assertThatThrownBy(() -> PublicKeyMaterial.parse(text)).isInstanceOf(AwsServiceException.class);
  }

  static Stream<String> accepted() {
    return Stream.of(pem(VALID_BODY), "  " + pem(VALID_BODY) + "\n");
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void parse_p384Key_isAccepted(String text) {
    assertThat(PublicKeyMaterial.parse(text).der()).isEqualTo(Base64.getDecoder().decode(VALID_BODY));
  }
}

package dev.onair.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
  @TempDir Path dataDir;

  @Test
  void load_createsOwnerOnlyKeyFileOnce() throws Exception {
    SecretCipher first = SecretCipher.load(dataDir, null);
    Path keyFile = dataDir.resolve(SecretCipher.KEY_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    String sealed = first.encrypt("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIA1");
    assertThat(SecretCipher.load(dataDir, null).decrypt(sealed, "AKIA1"))
        .isEqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  }

  @Test
  void encrypt_usesFreshNonceAndHidesPlaintext() {
    SecretCipher cipher = SecretCipher.load(dataDir, null);
    String a = cipher.encrypt("same", "id");
    String b = cipher.encrypt("same", "id");
    assertThat(a).isNotEqualTo(b).startsWith("v1:").doesNotContain("same");
  }

  @Test
  void decrypt_failsForOtherRowOrOtherKey() {
    SecretCipher cipher = SecretCipher.load(dataDir, null);
    String sealed = cipher.encrypt("secret", "AKIA1");
    assertThatThrownBy(() -> cipher.decrypt(sealed, "AKIA2")).isInstanceOf(IllegalStateException.class);
    SecretCipher other = SecretCipher.load(dataDir, SecretCipher.generateKeyBase64());
    assertThatThrownBy(() -> other.decrypt(sealed, "AKIA1")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void postgresUrl_isTranslatedWithDecodedCredentials() {
    Database.PostgresUrl url = Database.PostgresUrl.parse("postgresql://on%40air:p%3Ass@db.local:6543/onair?sslmode=require");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/onair?sslmode=require");
    assertThat(url.user()).isEqualTo("on@air");
    assertThat(url.password()).isEqualTo("p:ss");
    assertThat(url.toString()).doesNotContain("p:ss");
  }
}

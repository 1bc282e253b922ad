package dev.onair.server.interim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Stand-in for the IAM bootstrap's account record: the account id from the configuration, else the one stored in
 * the data directory, else a random 12-digit id stored for next time.
 */
public final class AccountIdFile {
  private AccountIdFile() {}

  public static String resolve(Path dataDir, String configured) {
    Path file = dataDir.resolve("account-id");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      String id = configured != null ? configured : random();
      Files.createDirectories(dataDir);
      Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  private static String random() {
    SecureRandom random = new SecureRandom();
    StringBuilder id = new StringBuilder().append(1 + random.nextInt(9));
    for (int i = 1; i < 12; i++) {
      id.append(random.nextInt(10));
    }
    return id.toString();
  }
}

package dev.onair.storage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that must be recoverable in the clear (secret access keys, which SigV4 verification needs,
 * and stream keys) before they reach the database. AES-256-GCM with a fresh random 96-bit nonce per value.
 *
 * <p>The associated data binds a ciphertext to its row (for example the access key id), so copying one row's
 * ciphertext into another row makes decryption fail instead of silently handing out the wrong secret.
 *
 * <p>Stored form: {@code v1:} + base64(nonce ‖ ciphertext ‖ tag). The key is 32 bytes, from {@code
 * ONAIR_MASTER_KEY} (base64) when the operator gives one, else from {@code <dataDir>/master.key}, created with
 * mode 0600 on first start.
 */
public final class SecretCipher {
  public static final String KEY_FILE = "master.key";
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();
  // Cipher.getInstance walks the provider list on every call (part of the 2-3 % of a create's CPU that AES-GCM
  // takes); a Cipher is not thread-safe, and init() with a fresh nonce resets it completely, so each thread keeps one.
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(SecretCipher::newCipher);

  private SecretCipher(byte[] keyBytes) {
    if (keyBytes.length != KEY_BYTES) {
      throw new IllegalArgumentException("the master key must be 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(keyBytes, "AES");
  }

  public static SecretCipher fromKey(byte[] keyBytes) {
    return new SecretCipher(keyBytes.clone());
  }

  /**
   * @param operatorKeyBase64 the operator's key (ONAIR_MASTER_KEY); null or blank to use or create the key file
   */
  public static SecretCipher load(Path dataDir, String operatorKeyBase64) {
    if (operatorKeyBase64 != null && !operatorKeyBase64.isBlank()) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(operatorKeyBase64.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("ONAIR_MASTER_KEY must be base64 of 32 bytes");
      }
      return new SecretCipher(bytes);
    }
    return new SecretCipher(readOrCreateKeyFile(dataDir.resolve(KEY_FILE)));
  }

  /** Generates a key for ONAIR_MASTER_KEY. */
  public static String generateKeyBase64() {
    byte[] bytes = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] readOrCreateKeyFile(Path file) {
    try {
      if (Files.exists(file)) {
        return decodeKeyFile(file);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      String encoded = generateKeyBase64() + "\n";
      Path temp = file.resolveSibling(KEY_FILE + ".tmp");
      Files.deleteIfExists(temp);
      writeOwnerOnly(temp, encoded.getBytes(StandardCharsets.US_ASCII));
      try {
        // The move is atomic, so a crash never leaves a half-written key that would make every stored secret
        // unreadable; losing the race to a concurrent first start just means using the other key.
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException raced) {
        Files.deleteIfExists(temp);
      }
      return decodeKeyFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key " + file, e);
    }
  }

  private static byte[] decodeKeyFile(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the master key file " + file + " is not base64");
    }
  }

  /** Creates {@code file} readable and writable by the owner only (where the filesystem supports POSIX modes). */
  public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
  }

  public String encrypt(String plaintext, String associatedData) {
    requireNonNull(plaintext, "plaintext is null");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = ciphers.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(associatedData));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length);
      out.put(nonce).put(sealed);
      return PREFIX + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
    }
  }

  /**
   * @throws IllegalStateException when the value was not made by this key with this associated data (wrong
   *     master key, tampering, or a ciphertext copied between rows)
   */
  public String decrypt(String stored, String associatedData) {
    requireNonNull(stored, "stored is null");
    if (!stored.startsWith(PREFIX)) {
      throw new IllegalStateException("unknown secret encoding");
    }
    byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("truncated secret");
    }
    try {
      Cipher cipher = ciphers.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(aad(associatedData));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalStateException("a stored secret failed authentication (wrong master key or tampering)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt a stored secret", e);
    }
  }

  /**
   * A key for another purpose (e.g. the HMAC of requests between nodes), derived from the master key with
   * HMAC-SHA256 over the purpose label: every node with the same master key derives the same key, and the derived
   * key reveals nothing about the master key or about keys derived for other purposes.
   */
  public byte[] deriveKey(String purpose) {
    requireNonNull(purpose, "purpose is null");
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal(("onair-derived-key:" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] aad(String associatedData) {
    return (associatedData == null ? "" : associatedData).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SecretCipher[AES-256-GCM]";
  }
}

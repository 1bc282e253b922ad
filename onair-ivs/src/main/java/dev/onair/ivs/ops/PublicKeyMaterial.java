package dev.onair.ivs.ops;

import dev.onair.ivs.IvsErrors;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A playback public key as ImportPlaybackKeyPair receives it: PEM text of an X.509 SubjectPublicKeyInfo holding an
 * ECDSA P-384 key (what {@code openssl ec -pubout} writes), the only kind IVS playback tokens (ES384) use.
 */
record PublicKeyMaterial(String pem, byte[] der) {
  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";

  static PublicKeyMaterial parse(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith(BEGIN) || !trimmed.endsWith(END)) {
      throw invalid();
    }
    String body = trimmed.substring(BEGIN.length(), trimmed.length() - END.length()).replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
      var key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
      // the key's own encoding, nothing after it: trailing bytes were accepted by the decoder and made a 9 KB
      // "key" whose PEM overflowed the stored column (500)
      if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 384
          || ec.getParams().getOrder().bitLength() != 384 || !Arrays.equals(key.getEncoded(), der)) {
        throw invalid();
      }
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw invalid();
    }
    return new PublicKeyMaterial(BEGIN + "\n" + wrap(Base64.getEncoder().encodeToString(der)) + END + "\n", der);
  }

  /**
   * Colon-separated hex of the MD5 of the DER key, the 16-byte form AWS's examples show. AWS does not document
   * its hash input; this is stable per key, which is all clients rely on.
   */
  String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(der);
      return HexFormat.ofDelimiter(":").formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is unavailable", e);
    }
  }

  private static String wrap(String base64) {
    StringBuilder builder = new StringBuilder();
    for (int i = 0; i < base64.length(); i += 64) {
      builder.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    return builder.toString();
  }

  private static RuntimeException invalid() {
    return IvsErrors.validation(
        "publicKeyMaterial must be a PEM-encoded ECDSA public key on curve P-384 (secp384r1)");
  }
}

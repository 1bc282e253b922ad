package dev.onair.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC-SHA256 with per-thread instances, since JCA objects are not thread-safe and costly to look up. */
final class Crypto {
    private static final String HMAC = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(Crypto::newMac);
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Crypto::newDigest);

    private Crypto() {
    }

    static byte[] hmac(byte[] key, String data) {
        return hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(key, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 rejected a key", e);
        }
        return mac.doFinal(data);
    }

    static byte[] sha256(byte[] data) {
        return sha256(data, 0, data.length);
    }

    static byte[] sha256(byte[] data, int offset, int length) {
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        digest.update(data, offset, length);
        return digest.digest();
    }

    static String sha256Hex(String text) {
        return hex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[i * 2] = HEX[(bytes[i] >> 4) & 0xF];
            out[i * 2 + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** Constant time, so response timing cannot reveal how many leading characters of a forged signature match. */
    static boolean signaturesEqual(String expected, String provided) {
        if (provided == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), provided.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isLowerHexSha256(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(HMAC);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without HmacSHA256", e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }
}

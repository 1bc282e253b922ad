package dev.onair.rtmp.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's S1 and S2 for a client's C1 (streaming.md §1.2).
 *
 * <p>A C1 that carries a valid "Genuine Adobe Flash Player 001" digest gets the digest answer that Flash Media Server,
 * nginx-rtmp and Red5 give: S1 with non-zero version bytes and the server's digest placed by the scheme the client
 * used, S2 ending in a signature keyed by the client's digest. Clients that check the answer (ffmpeg when it plays,
 * librtmp and so OBS whenever S1's version bytes are non-zero) accept it, and a client that insists on the digest
 * form is served. Any other C1 (zero version bytes, or no valid digest at either place) gets the simple answer: S1
 * with zero version bytes, which makes librtmp fall back to the simple handshake, and S2 echoing C1.
 *
 * <p>The keys are public constants of the protocol, not secrets; the digests only show that both ends speak it.
 */
public final class HandshakeReply {
  /** C1, S1, C2 and S2 are each this long. */
  public static final int SIZE = 1536;
  private static final int DIGEST_LENGTH = 32;
  /** The two places a digest can sit: its offset is derived from the four bytes at one of these. */
  private static final int[] SCHEMES = {8, 772};
  /** What follows the readable part of both keys. */
  private static final byte[] KEY_TAIL = {
      (byte) 0xF0, (byte) 0xEE, (byte) 0xC2, 0x4A, (byte) 0x80, 0x68, (byte) 0xBE, (byte) 0xE8,
      0x2E, 0x00, (byte) 0xD0, (byte) 0xD1, 0x02, (byte) 0x9E, 0x7E, 0x57,
      0x6E, (byte) 0xEC, 0x5D, 0x2D, 0x29, (byte) 0x80, 0x6F, (byte) 0xAB,
      (byte) 0x93, (byte) 0xB8, (byte) 0xE6, 0x36, (byte) 0xCF, (byte) 0xEB, 0x31, (byte) 0xAE};
  /** Signs a client's digest: only the readable part. */
  static final byte[] CLIENT_KEY = "Genuine Adobe Flash Player 001".getBytes(StandardCharsets.US_ASCII);
  /** Signs the server's S1 digest: only the readable part; the whole key derives S2's signing key. */
  static final byte[] SERVER_KEY = "Genuine Adobe Flash Media Server 001".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SERVER_FULL_KEY = concat(SERVER_KEY, KEY_TAIL);
  /** S1's version bytes in the digest form; ffmpeg checks the digest only when the first is at least 3. */
  private static final byte[] SERVER_VERSION = {0x0D, 0x0E, 0x0A, 0x0D};

  private HandshakeReply() {}

  /**
   * @param c1 the client's 1,536-byte C1
   * @param timeMillis S1's time field
   * @return S1 followed by S2 (3,072 bytes)
   */
  public static byte[] reply(byte[] c1, int timeMillis, RandomGenerator random) {
    if (c1.length != SIZE) {
      throw new IllegalArgumentException("C1 is " + SIZE + " bytes, not " + c1.length);
    }
    byte[] answer = new byte[2 * SIZE];
    putInt(answer, 0, timeMillis);
    int clientDigest = clientDigestOffset(c1);
    if (clientDigest < 0) {
      fill(random, answer, 8, SIZE - 8); // version bytes stay zero
      System.arraycopy(c1, 0, answer, SIZE, SIZE);
      return answer;
    }
    System.arraycopy(SERVER_VERSION, 0, answer, 4, 4);
    fill(random, answer, 8, SIZE - 8);
    int scheme = clientDigest >>> 16;
    int offset = clientDigest & 0xFFFF;
    int serverDigest = digestOffset(answer, 0, SCHEMES[scheme]);
    byte[] s1Digest = digest(answer, 0, serverDigest, SERVER_KEY);
    System.arraycopy(s1Digest, 0, answer, serverDigest, DIGEST_LENGTH);

    fill(random, answer, SIZE, SIZE - DIGEST_LENGTH);
    byte[] signingKey = hmac(SERVER_FULL_KEY, Arrays.copyOfRange(c1, offset, offset + DIGEST_LENGTH));
    byte[] signature = hmacRange(signingKey, answer, SIZE, SIZE - DIGEST_LENGTH);
    System.arraycopy(signature, 0, answer, 2 * SIZE - DIGEST_LENGTH, DIGEST_LENGTH);
    return answer;
  }

  /**
   * Where C1's digest is, as {@code scheme << 16 | offset}, or -1 when it has none: zero version bytes (a simple
   * client), or no valid digest at either place.
   */
  static int clientDigestOffset(byte[] c1) {
    if (c1[4] == 0 && c1[5] == 0 && c1[6] == 0 && c1[7] == 0) {
      return -1;
    }
    for (int scheme = 0; scheme < SCHEMES.length; scheme++) {
      int offset = digestOffset(c1, 0, SCHEMES[scheme]);
      byte[] expected = digest(c1, 0, offset, CLIENT_KEY);
      if (MessageDigest.isEqual(expected, Arrays.copyOfRange(c1, offset, offset + DIGEST_LENGTH))) {
        return scheme << 16 | offset;
      }
    }
    return -1;
  }

  /** A digest's offset in a packet starting at {@code start}: the sum of the four bytes at the base, mod 728. */
  static int digestOffset(byte[] packet, int start, int base) {
    int sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += packet[start + base + i] & 0xFF;
    }
    return sum % 728 + base + 4;
  }

  /** HMAC-SHA256 of the packet at {@code start} without the 32 bytes at {@code offset}. */
  static byte[] digest(byte[] packet, int start, int offset, byte[] key) {
    Mac mac = mac(key);
    mac.update(packet, start, offset - start);
    mac.update(packet, offset + DIGEST_LENGTH, start + SIZE - offset - DIGEST_LENGTH);
    return mac.doFinal();
  }

  static byte[] hmac(byte[] key, byte[] data) {
    return mac(key).doFinal(data);
  }

  private static byte[] hmacRange(byte[] key, byte[] data, int from, int length) {
    Mac mac = mac(key);
    mac.update(data, from, length);
    return mac.doFinal();
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static void fill(RandomGenerator random, byte[] into, int from, int length) {
    for (int i = from; i < from + length; i++) {
      into[i] = (byte) random.nextInt(256);
    }
  }

  private static void putInt(byte[] into, int at, int value) {
    into[at] = (byte) (value >>> 24);
    into[at + 1] = (byte) (value >>> 16);
    into[at + 2] = (byte) (value >>> 8);
    into[at + 3] = (byte) value;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}

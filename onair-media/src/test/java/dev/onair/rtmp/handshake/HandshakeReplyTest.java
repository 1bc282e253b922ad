package dev.onair.rtmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * S1 and S2 as a checking client verifies them. The checks here are written from the protocol's description (the
 * keys spelled out again, offsets computed by hand), not with HandshakeReply's helpers; ffmpeg playing from the real
 * server checks the same in onair-it's RtmpDigestHandshakeIntegrationTest.
 */
class HandshakeReplyTest {
  private static final int SIZE = 1536;
  private static final byte[] PLAYER_KEY = "Genuine Adobe Flash Player 001".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FMS_KEY = "Genuine Adobe Flash Media Server 001".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FMS_FULL_KEY = concat(FMS_KEY,
      HexFormat.of().parseHex("f0eec24a8068bee82e00d0d1029e7e576eec5d2d29806fab93b8e636cfeb31ae"));

  enum Client { SIMPLE, VERSION_BUT_NO_DIGEST, DIGEST_AT_8, DIGEST_AT_772, DIGEST_CORRUPTED }

  record Expect(boolean digestForm, int serverDigestBase) {}

  static Stream<Arguments> clients() {
    return Stream.of(
        Arguments.of("zero version bytes: simple answer", Client.SIMPLE, new Expect(false, 0)),
        Arguments.of("version bytes without a digest: simple answer", Client.VERSION_BUT_NO_DIGEST,
            new Expect(false, 0)),
        Arguments.of("digest by the first scheme (ffmpeg, librtmp): digest answer at the same place",
            Client.DIGEST_AT_8, new Expect(true, 8)),
        Arguments.of("digest by the second scheme: digest answer at the same place", Client.DIGEST_AT_772,
            new Expect(true, 772)),
        Arguments.of("a digest with one bit flipped is no digest: simple answer", Client.DIGEST_CORRUPTED,
            new Expect(false, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void reply_answersTheWayTheClientAsked(String rule, Client client, Expect expect) throws Exception {
    for (long seed = 1; seed <= 50; seed++) {
      byte[] c1 = c1(client, new SplittableRandom(seed));
      byte[] reply = HandshakeReply.reply(c1, 0x01020304, new SplittableRandom(seed * 31));

      assertThat(reply).hasSize(2 * SIZE);
      byte[] s1 = Arrays.copyOfRange(reply, 0, SIZE);
      byte[] s2 = Arrays.copyOfRange(reply, SIZE, 2 * SIZE);
      assertThat(Arrays.copyOfRange(s1, 0, 4)).containsExactly(1, 2, 3, 4);
      if (!expect.digestForm()) {
        assertThat(Arrays.copyOfRange(s1, 4, 8)).as("version bytes").containsExactly(0, 0, 0, 0);
        assertThat(s2).as("S2 echoes C1").isEqualTo(c1);
        continue;
      }
      assertThat(s1[4] & 0xFF).as("first version byte: ffmpeg checks the digest from 3 on").isGreaterThanOrEqualTo(3);
      int s1Digest = offset(s1, expect.serverDigestBase());
      assertThat(slice(s1, s1Digest)).as("S1's digest, seed %d", seed)
          .isEqualTo(hmac(FMS_KEY, without(s1, s1Digest)));
      int c1Digest = offset(c1, client == Client.DIGEST_AT_8 ? 8 : 772);
      byte[] signingKey = hmac(FMS_FULL_KEY, slice(c1, c1Digest));
      assertThat(Arrays.copyOfRange(s2, SIZE - 32, SIZE)).as("S2's signature, seed %d", seed)
          .isEqualTo(hmac(signingKey, Arrays.copyOfRange(s2, 0, SIZE - 32)));
    }
  }

  @Test
  void reply_refusesAShortC1() {
    assertThatThrownBy(() -> HandshakeReply.reply(new byte[100], 0, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] c1(Client client, SplittableRandom random) throws Exception {
    byte[] c1 = new byte[SIZE];
    random.nextBytes(c1);
    switch (client) {
      case SIMPLE -> Arrays.fill(c1, 4, 8, (byte) 0);
      case VERSION_BUT_NO_DIGEST -> c1[4] = 9;
      case DIGEST_AT_8, DIGEST_AT_772, DIGEST_CORRUPTED -> {
        c1[4] = 9; // ffmpeg sends 9.0.124.2
        int at = offset(c1, client == Client.DIGEST_AT_772 ? 772 : 8);
        System.arraycopy(hmac(PLAYER_KEY, without(c1, at)), 0, c1, at, 32);
        if (client == Client.DIGEST_CORRUPTED) {
          c1[at + 5] ^= 0x10;
        }
      }
      default -> throw new AssertionError(client);
    }
    return c1;
  }

  /** Sum of the four bytes at the base, mod 728, past the base's four bytes. */
  private static int offset(byte[] packet, int base) {
    int sum = (packet[base] & 0xFF) + (packet[base + 1] & 0xFF) + (packet[base + 2] & 0xFF) + (packet[base + 3] & 0xFF);
    return base + 4 + sum % 728;
  }

  private static byte[] slice(byte[] packet, int at) {
    return Arrays.copyOfRange(packet, at, at + 32);
  }

  private static byte[] without(byte[] packet, int at) {
    return concat(Arrays.copyOfRange(packet, 0, at), Arrays.copyOfRange(packet, at + 32, packet.length));
  }

  private static byte[] hmac(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}

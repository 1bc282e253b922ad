package dev.onair.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.onair.protocol.error.CommonErrors;
import dev.onair.protocol.json.DocumentReader;
import dev.onair.protocol.json.Documents;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The request-document reader behind awsJson, restJson1 and rpc-v2-cbor, fed mutated JSON and CBOR: a tree or a
 * 4xx AwsServiceException (SerializationException). CBOR inputs include length fields that lie (2^63-byte strings,
 * 2^32-item arrays), indefinite lengths never closed, tags on anything, bignums and deep nesting. Inputs up to
 * 1 MiB (see {@link QueryFuzzTest} for why not the server's 64 MiB).
 */
@AddLifecycleHook(FuzzTries.class)
class DocumentFuzzTest {
  static final int CAP = 1 << 20;
  private static final Bounded.Limit LIMIT = new Bounded.Limit(Bounded.FIRST_USE, 200);
  private static final DocumentReader JSON = new DocumentReader(Documents.JSON);
  private static final DocumentReader CBOR = new DocumentReader(Documents.CBOR);

  private static final List<Map<String, Object>> DOCUMENTS = List.of(
      Map.of("name", "fz", "latencyMode", "LOW", "authorized", false, "tags", Map.of("k", "v", "é", "ü")),
      Map.of("Namespace", "Fuzz", "MetricData", List.of(Map.of("MetricName", "m", "Value", 1.5, "Counts",
          List.of(1, 2, 3), "Dimensions", List.of(Map.of("Name", "d", "Value", "v"))))),
      Map.of("ServiceCode", "ivs", "QuotaCode", "L-7A3B2C02", "MaxResults", 10, "big", 12345678901234567L,
          "neg", -0.000001, "none", List.of()));

  private final Mutator json = new Mutator(encode(new ObjectMapper()),
      List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "\\uDC00\\uD800", "1e999999",
          "-0", "1.7976931348623157e309", "99999999999999999999999999999", "NaN", "Infinity", "null", "true",
          "/*", "//", "\"a\":1,\"a\":2", "\u00e9", "\ufeff"),
      "[{\"9\\", CAP);
  private final Mutator cbor = new Mutator(encode(new ObjectMapper(new CBORFactory())), List.of(), "\u0081\u009f"
      + "\u00bf\u00c1\u00d8\u00ff\u007b\u005b", CAP);

  private static List<byte[]> encode(ObjectMapper mapper) {
    List<byte[]> seeds = new ArrayList<>();
    for (Map<String, Object> document : DOCUMENTS) {
      try {
        seeds.add(mapper.writeValueAsBytes(document));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return seeds;
  }

  @Provide
  Arbitrary<byte[]> jsonDocuments() {
    return json.inputs(2, DocumentFuzzTest::hostileJson);
  }

  @Provide
  Arbitrary<byte[]> cborDocuments() {
    return cbor.inputs(3, DocumentFuzzTest::hostileCbor);
  }

  @Property
  void json_readsOrIsSerializationException(@ForAll("jsonDocuments") byte[] input) {
    Bounded.parse(input, input.length, LIMIT, () -> JSON.readObject(input, CommonErrors.SERIALIZATION),
        QueryFuzzTest::isClientError);
  }

  @Property
  void cbor_readsOrIsSerializationException(@ForAll("cborDocuments") byte[] input) {
    Bounded.parse(input, input.length, LIMIT, () -> CBOR.readObject(input, CommonErrors.SERIALIZATION),
        QueryFuzzTest::isClientError);
  }

  private static byte[] hostileJson(Random random) {
    int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 200_000 : 5_000);
    String text = switch (random.nextInt(6)) {
      case 0 -> "{\"a\":" + "[".repeat(n) + "]".repeat(random.nextBoolean() ? n : 0) + "}";
      case 1 -> "{\"a\":" + "{\"a\":".repeat(n) + "1" + "}".repeat(n) + "}";
      case 2 -> "{\"a\":" + "9".repeat(n) + "}";
      case 3 -> "{\"a\":0." + "0".repeat(n) + "1e-" + "9".repeat(1 + random.nextInt(20)) + "}";
      case 4 -> "{" + "\"k\":1,".repeat(n) + "\"k\":2}";
      default -> "{\"a\":\"" + "\\u00e9".repeat(n) + "\"}";
    };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A CBOR data item head: major type and argument in the shortest or a deliberately long form. */
  static void head(ByteArrayOutputStream out, int major, long argument, int width) {
    int type = major << 5;
    switch (width) {
      case 0 -> out.write(type | (int) argument);
      case 1 -> {
        out.write(type | 24);
        out.write((int) argument);
      }
      case 2 -> {
        out.write(type | 25);
        out.write((int) (argument >>> 8));
        out.write((int) argument);
      }
      case 4 -> {
        out.write(type | 26);
        for (int shift = 24; shift >= 0; shift -= 8) {
          out.write((int) (argument >>> shift));
        }
      }
      default -> {
        out.write(type | 27);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) (argument >>> shift));
        }
      }
    }
  }

  private static byte[] hostileCbor(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    head(out, 5, 1, 0); // a map of one pair
    head(out, 3, 1, 0);
    out.write('k');
    int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 200_000 : 5_000);
    long[] lies = {0xFFFFFFFFL, 0x7FFFFFFFL, Long.MAX_VALUE, -1L, 1L << 32, 1L << 31, 0x10000};
    switch (random.nextInt(9)) {
      case 0 -> head(out, 2 + random.nextInt(4), lies[random.nextInt(lies.length)], random.nextBoolean() ? 8 : 4);
      case 1 -> { // nested arrays or maps, definite or indefinite, maybe closed
        int opener = new int[] {0x81, 0x9F, 0xA1, 0xBF}[random.nextInt(4)];
        for (int i = 0; i < n; i++) {
          out.write(opener);
          if (opener == 0xA1 || opener == 0xBF) {
            out.write(0x61);
            out.write('a');
          }
        }
      }
      case 2 -> { // tags on tags
        for (int i = 0; i < n; i++) {
          head(out, 6, new long[] {1, 2, 3, 4, 5, 24, 55799, 0xFFFFFFFFL}[random.nextInt(8)], 0x1 << random.nextInt(3));
        }
        out.write(0x01);
      }
      case 3 -> { // a bignum or decimal fraction of n bytes
        head(out, 6, 2 + random.nextInt(3), 1);
        if (random.nextBoolean()) {
          head(out, 4, 2, 0);
          head(out, random.nextInt(2), lies[random.nextInt(lies.length)] & 0x7FFFFFFFFFFFFFFFL, 8);
        }
        head(out, 2, n, 4);
        byte[] digits = new byte[n];
        random.nextBytes(digits);
        out.writeBytes(digits);
      }
      case 4 -> { // an epoch timestamp (tag 1) far outside Instant's range, or not finite
        head(out, 6, 1, 0);
        double[] values = {1e300, -1e300, Double.NaN, Double.POSITIVE_INFINITY, Long.MAX_VALUE * 4.0, 1e-320};
        out.write(0xFB);
        long bits = Double.doubleToRawLongBits(values[random.nextInt(values.length)]);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) (bits >>> shift));
        }
      }
      case 5 -> { // an indefinite string of n chunks, maybe never closed
        out.write(0x7F);
        for (int i = 0; i < n; i++) {
          out.write(0x61);
          out.write('x');
        }
        if (random.nextBoolean()) {
          out.write(0xFF);
        }
      }
      case 6 -> { // a map with n pairs announced and n keys repeated
        out.reset();
        head(out, 5, n, 4);
        for (int i = 0; i < n; i++) {
          out.write(0x61);
          out.write('k');
          out.write(i & 0x17);
        }
      }
      case 7 -> { // invalid UTF-8 in a text string
        byte[] bad = Mutator.BAD_UTF8[random.nextInt(Mutator.BAD_UTF8.length)];
        head(out, 3, bad.length, 0);
        out.writeBytes(bad);
      }
      default -> { // reserved and break bytes where an item belongs
        out.write(new int[] {0x1C, 0x3D, 0x5E, 0xFF, 0xF8, 0xFC, 0xDF}[random.nextInt(7)]);
      }
    }
    return out.toByteArray();
  }
}

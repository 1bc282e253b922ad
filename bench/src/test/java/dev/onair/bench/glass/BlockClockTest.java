package dev.onair.bench.glass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockClockTest {

  private static double[] blocks(long value) {
    return Arrays.stream(BlockClock.expectedLuma(value)).asDoubleStream().toArray();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 250, 251, 724658298L, 4294967295L})
  void decode_roundTripsEveryValue(long value) {
    assertThat(BlockClock.decode(blocks(value)).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 17, 33, 34, 38, 41})
  void decode_rejectsAnySingleFlippedDataOrCheckBit(int block) {
    double[] means = blocks(724658298L);
    means[block] = means[block] > 128 ? 16 : 235;
    assertThat(BlockClock.decode(means)).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 42, 43})
  void decode_rejectsInvertedReferenceBlock(int block) {
    double[] means = blocks(724658298L);
    means[block] = means[block] > 128 ? 16 : 235;
    assertThat(BlockClock.decode(means)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"0.5", "0.6"})
  void decode_rejectsBlocksNearTheThreshold(double share) {
    double[] means = blocks(724658298L);
    means[10] = 16 + share * 219; // neither black nor white
    assertThat(BlockClock.decode(means)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"128", "16", "235"})
  void decode_rejectsAFlatPicture(double level) {
    double[] means = new double[BlockClock.BLOCKS];
    Arrays.fill(means, level);
    assertThat(BlockClock.decode(means)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
      // value, near, expected full ms
      "724658298, 1796020993280, 1796020988026",
      "4294967000, 1795296329778, 1795296329432", // stamped just before a wrap, shown just after it
      "100, 1795296329628, 1795296329828"})       // and the other way round
  void resolve_picksTheNearestFullValue(long value, long near, long expected) {
    assertThat(BlockClock.resolve(value, near)).isEqualTo(expected);
    assertThat(Math.floorMod(expected, BlockClock.WRAP)).isEqualTo(value);
  }
}

package dev.onair.hls.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link MediaBuffer} holds exactly what a {@link ByteArrayOutputStream} given the same writes holds. */
class MediaBufferTest {
  static Stream<Arguments> writes() {
    byte[] big = new byte[100_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    return Stream.of(
        Arguments.of("single bytes past the initial capacity", (Consumer<ByteArrayOutputStream>) out -> {
          for (int i = 0; i < 1000; i++) {
            out.write(i);
          }
        }),
        Arguments.of("a range larger than twice the capacity", (Consumer<ByteArrayOutputStream>) out ->
            out.write(big, 7, 90_000)),
        Arguments.of("writes, a reset, more writes", (Consumer<ByteArrayOutputStream>) out -> {
          out.writeBytes(new byte[] {1, 2, 3});
          out.reset();
          out.write(big, 0, 500);
          out.write(9);
        }),
        Arguments.of("nothing", (Consumer<ByteArrayOutputStream>) out -> {}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void write_sameBytesAsByteArrayOutputStream(String rule, Consumer<ByteArrayOutputStream> writes) {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    MediaBuffer actual = new MediaBuffer(16);
    writes.accept(expected);
    writes.accept(actual);

    assertThat(actual.size()).isEqualTo(expected.size());
    assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @ParameterizedTest(name = "reserve {0} bytes after 10")
  @MethodSource("reserveSizes")
  void reserve_returnsTheEndAndGrows(int length) {
    MediaBuffer buffer = new MediaBuffer(4);
    buffer.write(new byte[10], 0, 10);

    int start = buffer.reserve(length);
    buffer.array()[start + length - 1] = 42;

    assertThat(start).isEqualTo(10);
    assertThat(buffer.size()).isEqualTo(10 + length);
    assertThat(buffer.toByteArray()[9 + length]).isEqualTo((byte) 42);
  }

  static Stream<Integer> reserveSizes() {
    return Stream.of(1, 188, 10_000);
  }

  @ParameterizedTest(name = "offset {0}, length {1}")
  @MethodSource("badRanges")
  void write_rangeOutsideTheArray_throws(int offset, int length) {
    assertThatThrownBy(() -> new MediaBuffer(4).write(new byte[8], offset, length))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  static Stream<Arguments> badRanges() {
    return Stream.of(Arguments.of(-1, 2), Arguments.of(0, -1), Arguments.of(4, 5));
  }
}

package dev.onair.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampUnwrapperTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      monotonic                    | 0,33,66                          | 0,33,66
      small step back is jitter    | 100,90,133                       | 100,90,133
      wrap adds 2^32               | 4294967290,5,40                  | 4294967290,4294967301,4294967336
      late packet before the wrap  | 4294967290,5,4294967295,10       | 4294967290,4294967301,4294967295,4294967306
      """)
  void unwrap_sequence(String name, String raw, String expected) {
    TimestampUnwrapper unwrapper = new TimestampUnwrapper();
    String[] in = raw.split(",");
    String[] out = expected.split(",");
    for (int i = 0; i < in.length; i++) {
      assertThat(unwrapper.unwrap(Long.parseLong(in[i]))).as("sample %d", i).isEqualTo(Long.parseLong(out[i]));
    }
  }
}

package dev.onair.s3.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.error.AwsServiceException;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPathsTest {
  private static final Path ROOT = Path.of("/data/s3/buckets/b/objects");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "a, oa",
    "a/b, da/ob",
    "a/, da/o",
    "a//b, da/d/ob",
    "../x, d../ox",
    "./x, d./ox",
    "sp ace, osp%20ace",
    "100%, o100%25",
    "ivs/v1/1/AbC/2020/6/23/20/12/id/media/hls/720p60/1.ts, divs/dv1/d1/dAbC/d2020/d6/d23/d20/d12/did/dmedia/dhls/d720p60/o1.ts",
  })
  void toPath_layout(String key, String relative) {
    assertThat(ROOT.relativize(KeyPaths.toPath(ROOT, key)).toString()).isEqualTo(relative);
  }

  @Property
  void toKey_roundTrips(@ForAll @StringLength(min = 1, max = 200) String key) {
    assertThat(KeyPaths.toKey(ROOT, KeyPaths.toPath(ROOT, key))).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({"photos/2006/, da/dphotos/d2006", "photos/20, da/dphotos", "'', da"})
  void directoryFor_prefix(String prefix, String relative) {
    Path base = ROOT.resolve("da");
    Path dir = KeyPaths.directoryFor(base, prefix);
    assertThat(ROOT.relativize(dir).toString()).isEqualTo(relative);
  }

  @org.junit.jupiter.api.Test
  void toPath_splitsLongSegmentsWithoutBreakingEscapes() {
    String key = "\u00e9".repeat(300) + "/x";
    Path path = KeyPaths.toPath(ROOT, key);
    for (Path element : ROOT.relativize(path)) {
      assertThat(element.toString().length()).isLessThanOrEqualTo(250);
    }
    assertThat(KeyPaths.toKey(ROOT, path)).isEqualTo(key);
  }

  @org.junit.jupiter.api.Test
  void toPath_rejectsKeysOver1024Bytes() {
    assertThatThrownBy(() -> KeyPaths.toPath(ROOT, "k".repeat(1025)))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("Your key is too long");
  }
}

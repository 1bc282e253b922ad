package dev.onair.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolsTest {
  @Test
  void require_missingTool_failsWithItsName() {
    assertThatThrownBy(() -> Tools.require("onair-no-such-tool-xyz"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("onair-no-such-tool-xyz");
  }

  @Test
  void require_missingAbsolutePath_failsWithItsName() {
    assertThatThrownBy(() -> Tools.require("/nonexistent/bin/aws"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/nonexistent/bin/aws");
  }

  /** The CLIs the integration tests drive; .ci/run installs Debian's, the image carries the pip one. */
  @ParameterizedTest
  @ValueSource(strings = {AwsCli.ON_PATH, AwsCli.DEBIAN})
  void require_awsCli_present(String cli) {
    assertThat(Tools.require(cli)).isExecutable();
  }
}

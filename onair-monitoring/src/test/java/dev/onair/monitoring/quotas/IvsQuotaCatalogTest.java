package dev.onair.monitoring.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IvsQuotaCatalogTest {
  @Test
  void all_codesAreUniqueAndInAwsFormat() {
    Set<String> codes = new HashSet<>();
    for (QuotaDefinition quota : IvsQuotaCatalog.all()) {
      assertThat(quota.quotaCode()).matches("L-[0-9A-F]{8}");
      assertThat(codes.add(quota.quotaCode())).isTrue();
      assertThat(quota.serviceCode()).isEqualTo("ivs");
    }
  }

  @Test
  void keys_nameEveryIvsQuotaConstant() {
    // kept in step with dev.onair.ivs.IvsQuota by hand: onair-monitoring must not depend on onair-ivs
    assertThat(IvsQuotaCatalog.all())
        .extracting(QuotaDefinition::key)
        .containsExactlyInAnyOrder(
            "CHANNELS", "STREAM_KEYS_PER_CHANNEL", "RECORDING_CONFIGURATIONS", "PLAYBACK_KEY_PAIRS",
            "PLAYBACK_RESTRICTION_POLICIES", "TAGS_PER_RESOURCE", "BATCH_GET_SIZE", "BATCH_REVOCATION_SIZE",
            "CONCURRENT_STREAMS", "PUT_METADATA_BYTES");
  }
}

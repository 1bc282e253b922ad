package dev.onair.monitoring.quotas;

import dev.onair.monitoring.quotas.QuotaDefinition.UsageMetric;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Amazon IVS quotas Service Quotas shows, one per limit onair-ivs enforces ({@code IvsQuota}).
 *
 * <p>Quota codes: AWS's {@code L-…} codes for IVS are not published in any source available to this project, so
 * these codes are Onair's own, in AWS's format, stable across releases. Names, defaults and adjustability follow
 * the IVS user guide's quota page where it could be read, and onair-ivs's defaults otherwise.
 */
public final class IvsQuotaCatalog {
  public static final String SERVICE_CODE = "ivs";
  public static final String SERVICE_NAME = "Amazon Interactive Video Service";

  private static final Map<String, String> USAGE_DIMENSIONS_CHANNELS =
      Map.of("Service", "IVS", "Type", "Resource", "Resource", "Channels", "Class", "None");

  private static final List<QuotaDefinition> QUOTAS =
      List.of(
          quota("L-7A3B2C01", "CHANNELS", "Channels", 5_000, true,
              "Maximum number of channels per account in the current Region.",
              new UsageMetric("AWS/Usage", "ResourceCount", USAGE_DIMENSIONS_CHANNELS, "Maximum")),
          quota("L-7A3B2C02", "CONCURRENT_STREAMS", "Concurrent streams", 100, true,
              "Maximum number of channels that can stream at the same time in the current Region.",
              new UsageMetric("AWS/IVS", "ConcurrentStreams", Map.of(), "Maximum")),
          quota("L-7A3B2C03", "STREAM_KEYS_PER_CHANNEL", "Stream keys per channel", 1, false,
              "Maximum number of stream keys per channel.", null),
          quota("L-7A3B2C04", "RECORDING_CONFIGURATIONS", "Recording configurations", 20, true,
              "Maximum number of recording configurations per account in the current Region.", null),
          quota("L-7A3B2C05", "PLAYBACK_KEY_PAIRS", "Playback key pairs", 3, false,
              "Maximum number of playback key pairs per account in the current Region.", null),
          quota("L-7A3B2C06", "PLAYBACK_RESTRICTION_POLICIES", "Playback restriction policies", 20, true,
              "Maximum number of playback restriction policies per account in the current Region.", null),
          quota("L-7A3B2C07", "TAGS_PER_RESOURCE", "Tags per resource", 50, false,
              "Maximum number of tags on one IVS resource.", null),
          quota("L-7A3B2C08", "BATCH_GET_SIZE", "BatchGetChannel and BatchGetStreamKey ARNs per request", 50, false,
              "Maximum number of ARNs in one BatchGetChannel or BatchGetStreamKey request.", null),
          quota("L-7A3B2C09", "BATCH_REVOCATION_SIZE", "BatchStartViewerSessionRevocation viewer sessions per request",
              20, false, "Maximum number of viewer sessions in one BatchStartViewerSessionRevocation request.", null),
          quota("L-7A3B2C0A", "PUT_METADATA_BYTES", "PutMetadata payload size", 1024, false,
              "Maximum size of a PutMetadata payload, in bytes.", null));

  private IvsQuotaCatalog() {}

  private static QuotaDefinition quota(
      String code, String key, String name, double value, boolean adjustable, String description, UsageMetric usage) {
    return new QuotaDefinition(SERVICE_CODE, code, key, name, value, "None", adjustable, description, usage);
  }

  public static List<QuotaDefinition> all() {
    return QUOTAS;
  }

  public static Optional<QuotaDefinition> byCode(String quotaCode) {
    return QUOTAS.stream().filter(quota -> quota.quotaCode().equals(quotaCode)).findFirst();
  }

  public static Optional<QuotaDefinition> byKey(String key) {
    return QUOTAS.stream().filter(quota -> quota.key().equals(key)).findFirst();
  }
}

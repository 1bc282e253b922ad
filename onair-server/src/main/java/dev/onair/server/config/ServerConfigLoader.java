package dev.onair.server.config;

import dev.onair.protocol.Secret;
import dev.onair.storage.objectstore.ObjectStoreSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@link ServerConfig} from environment variables and flags ({@code --flag value} or {@code --flag=value});
 * a flag wins over its variable. Validates each value and names both spellings in the error.
 */
public final class ServerConfigLoader {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

  private ServerConfigLoader() {}

  public static ServerConfig load(Map<String, String> environment, List<String> flags) {
    Map<ConfigOption, String> values = new EnumMap<>(ConfigOption.class);
    for (ConfigOption option : ConfigOption.values()) {
      String fromEnvironment = environment.get(option.environmentVariable());
      if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
        values.put(option, fromEnvironment);
      }
    }
    values.putAll(parseFlags(flags));

    String bind = valueOrDefault(values, ConfigOption.BIND);
    String accountId = values.get(ConfigOption.ACCOUNT_ID);
    if (accountId != null && !ACCOUNT_ID.matcher(accountId).matches()) {
      throw invalid(ConfigOption.ACCOUNT_ID, "must be 12 digits");
    }
    String region = valueOrDefault(values, ConfigOption.REGION);
    if (!REGION.matcher(region).matches()) {
      throw invalid(ConfigOption.REGION, "is not a region name like us-east-1");
    }
    String adminKeyId = values.get(ConfigOption.ADMIN_ACCESS_KEY_ID);
    String adminSecret = values.get(ConfigOption.ADMIN_SECRET_ACCESS_KEY);
    if ((adminKeyId == null) != (adminSecret == null)) {
      throw new ConfigException(
          "ONAIR_ADMIN_ACCESS_KEY_ID and ONAIR_ADMIN_SECRET_ACCESS_KEY (--admin-access-key-id,"
              + " --admin-secret-access-key) must be given together");
    }
    if (values.containsKey(ConfigOption.TLS_CERT) != values.containsKey(ConfigOption.TLS_KEY)) {
      throw new ConfigException(
          "ONAIR_TLS_CERT and ONAIR_TLS_KEY (--tls-cert, --tls-key) must be given together");
    }
    String publicHost = values.get(ConfigOption.PUBLIC_HOST);
    if (publicHost == null) {
      publicHost = isWildcard(bind) ? "localhost" : bind;
    }
    return new ServerConfig(
        Path.of(valueOrDefault(values, ConfigOption.DATA_DIR)),
        bind,
        port(values, ConfigOption.HTTP_PORT),
        port(values, ConfigOption.RTMP_PORT),
        port(values, ConfigOption.RTMPS_PORT),
        region,
        accountId,
        publicHost,
        adminKeyId,
        secret(adminSecret),
        secret(values.get(ConfigOption.ROOT_PASSWORD)),
        secret(values.get(ConfigOption.DATABASE_URL)),
        secret(values.get(ConfigOption.MASTER_KEY)),
        positive(values, ConfigOption.MAX_REQUEST_BYTES),
        policyCacheTtl(values),
        objectStore(values),
        path(values, ConfigOption.TLS_CERT),
        path(values, ConfigOption.TLS_KEY),
        values.get(ConfigOption.PLAYBACK_COUNTRY_HEADER),
        alarmEvaluationInterval(values),
        nodeAddress(values));
  }

  private static Path path(Map<ConfigOption, String> values, ConfigOption option) {
    String value = values.get(option);
    return value == null ? null : Path.of(value);
  }

  private static String nodeAddress(Map<ConfigOption, String> values) {
    String address = values.get(ConfigOption.NODE_ADDRESS);
    if (address == null) {
      return null;
    }
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1 || address.contains("/")) {
      throw invalid(ConfigOption.NODE_ADDRESS, "must be host:port");
    }
    try {
      int port = Integer.parseInt(address.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw invalid(ConfigOption.NODE_ADDRESS, "must be host:port");
      }
    } catch (NumberFormatException e) {
      throw invalid(ConfigOption.NODE_ADDRESS, "must be host:port");
    }
    return address;
  }

  /** CloudWatch evaluates once a minute; faster is for tests and impatient operators, slower for big fleets. */
  private static Duration alarmEvaluationInterval(Map<ConfigOption, String> values) {
    int seconds = integer(values, ConfigOption.ALARM_EVALUATION_SECONDS);
    if (seconds < 1 || seconds > 300) {
      throw invalid(ConfigOption.ALARM_EVALUATION_SECONDS, "must be between 1 and 300");
    }
    return Duration.ofSeconds(seconds);
  }

  /** Embedded means one node, where reading the generation per request costs microseconds; PostgreSQL, a cluster. */
  private static Duration policyCacheTtl(Map<ConfigOption, String> values) {
    if (!values.containsKey(ConfigOption.POLICY_CACHE_TTL_MS)) {
      return values.containsKey(ConfigOption.DATABASE_URL) ? Duration.ofSeconds(1) : Duration.ZERO;
    }
    int millis = integer(values, ConfigOption.POLICY_CACHE_TTL_MS);
    if (millis < 0 || millis > 60_000) {
      throw invalid(ConfigOption.POLICY_CACHE_TTL_MS, "must be between 0 and 60000");
    }
    return Duration.ofMillis(millis);
  }

  private static ObjectStoreSettings objectStore(Map<ConfigOption, String> values) {
    String endpoint = values.get(ConfigOption.S3_ENDPOINT);
    if (endpoint == null) {
      return null;
    }
    String keyId = values.get(ConfigOption.S3_ACCESS_KEY_ID);
    String secret = values.get(ConfigOption.S3_SECRET_ACCESS_KEY);
    String bucket = values.get(ConfigOption.S3_BUCKET);
    if (keyId == null || secret == null || bucket == null) {
      throw new ConfigException(
          "ONAIR_S3_ENDPOINT (--s3-endpoint) needs ONAIR_S3_ACCESS_KEY_ID, ONAIR_S3_SECRET_ACCESS_KEY and"
              + " ONAIR_S3_BUCKET");
    }
    String pathStyle = valueOrDefault(values, ConfigOption.S3_PATH_STYLE);
    if (!pathStyle.equals("true") && !pathStyle.equals("false")) {
      throw invalid(ConfigOption.S3_PATH_STYLE, "must be true or false");
    }
    try {
      return new ObjectStoreSettings(URI.create(endpoint), keyId, Secret.of(secret), bucket,
          Boolean.parseBoolean(pathStyle), valueOrDefault(values, ConfigOption.S3_REGION));
    } catch (IllegalArgumentException e) {
      throw invalid(ConfigOption.S3_ENDPOINT, "must be an http(s)://host[:port] URL");
    }
  }

  static Map<ConfigOption, String> parseFlags(List<String> flags) {
    Map<ConfigOption, String> values = new EnumMap<>(ConfigOption.class);
    for (int i = 0; i < flags.size(); i++) {
      String argument = flags.get(i);
      String name = argument;
      String value = null;
      int equals = argument.indexOf('=');
      if (argument.startsWith("--") && equals > 0) {
        name = argument.substring(0, equals);
        value = argument.substring(equals + 1);
      }
      ConfigOption option = ConfigOption.forFlag(name);
      if (option == null) {
        throw new ConfigException("unknown option " + name + " (see --help)");
      }
      if (value == null) {
        if (i + 1 >= flags.size()) {
          throw new ConfigException(name + " needs a value");
        }
        value = flags.get(++i);
      }
      values.put(option, value);
    }
    return values;
  }

  private static boolean isWildcard(String bind) {
    return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
  }

  private static String valueOrDefault(Map<ConfigOption, String> values, ConfigOption option) {
    return values.getOrDefault(option, option.defaultValue());
  }

  private static int port(Map<ConfigOption, String> values, ConfigOption option) {
    int port = integer(values, option);
    if (port < 0 || port > 65535) {
      throw invalid(option, "must be a port number between 0 and 65535");
    }
    return port;
  }

  private static int positive(Map<ConfigOption, String> values, ConfigOption option) {
    int value = integer(values, option);
    if (value <= 0) {
      throw invalid(option, "must be positive");
    }
    return value;
  }

  private static int integer(Map<ConfigOption, String> values, ConfigOption option) {
    String text = valueOrDefault(values, option);
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw invalid(option, "must be a number");
    }
  }

  private static Secret secret(String value) {
    return value == null ? null : Secret.of(value);
  }

  private static ConfigException invalid(ConfigOption option, String problem) {
    return new ConfigException(option.flag() + " / " + option.environmentVariable() + " " + problem);
  }
}

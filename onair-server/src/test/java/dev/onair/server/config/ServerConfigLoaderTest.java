package dev.onair.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerConfigLoaderTest {
  /** Every option with a non-default value and how to read it back from the config. */
  private static final Map<ConfigOption, String> VALUES = new EnumMap<>(ConfigOption.class);
  private static final Map<ConfigOption, Function<ServerConfig, Object>> READ = new EnumMap<>(ConfigOption.class);

  static {
    put(ConfigOption.DATA_DIR, "/var/lib/onair", config -> config.dataDir().toString());
    put(ConfigOption.BIND, "0.0.0.0", ServerConfig::bind);
    put(ConfigOption.HTTP_PORT, "9090", config -> Integer.toString(config.httpPort()));
    put(ConfigOption.RTMP_PORT, "2935", config -> Integer.toString(config.rtmpPort()));
    put(ConfigOption.RTMPS_PORT, "5443", config -> Integer.toString(config.rtmpsPort()));
    put(ConfigOption.REGION, "eu-west-1", ServerConfig::region);
    put(ConfigOption.ACCOUNT_ID, "123456789012", ServerConfig::accountId);
    put(ConfigOption.PUBLIC_HOST, "video.example.com", ServerConfig::publicHost);
    put(ConfigOption.ADMIN_ACCESS_KEY_ID, "AKIAEXAMPLE123456789", ServerConfig::adminAccessKeyId);
    put(ConfigOption.ADMIN_SECRET_ACCESS_KEY, "admin-secret-value", config -> config.adminSecretAccessKey().reveal());
    put(ConfigOption.ROOT_PASSWORD, "root-password-value", config -> config.rootPassword().reveal());
    put(ConfigOption.DATABASE_URL, "postgresql://u:dbpass@h/db", config -> config.databaseUrl().reveal());
    put(ConfigOption.MASTER_KEY, "master-key-value", config -> config.masterKey().reveal());
    put(ConfigOption.MAX_REQUEST_BYTES, "1024", config -> Integer.toString(config.maxRequestBytes()));
    put(ConfigOption.POLICY_CACHE_TTL_MS, "250", config -> Long.toString(config.policyCacheTtl().toMillis()));
    put(ConfigOption.S3_ENDPOINT, "http://minio.internal:9000", config -> config.objectStore().endpoint().toString());
    put(ConfigOption.S3_ACCESS_KEY_ID, "minio-key-id", config -> config.objectStore().accessKeyId());
    put(ConfigOption.S3_SECRET_ACCESS_KEY, "minio-secret-value",
        config -> config.objectStore().secretAccessKey().reveal());
    put(ConfigOption.S3_BUCKET, "onair-media", config -> config.objectStore().bucket());
    put(ConfigOption.S3_PATH_STYLE, "false", config -> Boolean.toString(config.objectStore().pathStyle()));
    put(ConfigOption.S3_REGION, "eu-central-1", config -> config.objectStore().region());
    put(ConfigOption.TLS_CERT, "/etc/onair/tls/fullchain.pem", config -> config.tlsCertificate().toString());
    put(ConfigOption.TLS_KEY, "/etc/onair/tls/privkey.pem", config -> config.tlsPrivateKey().toString());
    put(ConfigOption.PLAYBACK_COUNTRY_HEADER, "CloudFront-Viewer-Country", ServerConfig::playbackCountryHeader);
    put(ConfigOption.ALARM_EVALUATION_SECONDS, "2",
        config -> Long.toString(config.alarmEvaluationInterval().toSeconds()));
    put(ConfigOption.NODE_ADDRESS, "10.0.0.7:9090", ServerConfig::nodeAddress);
  }

  private static void put(ConfigOption option, String value, Function<ServerConfig, Object> reader) {
    VALUES.put(option, value);
    READ.put(option, reader);
  }

  @Test
  void load_defaults() {
    ServerConfig config = ServerConfigLoader.load(Map.of(), List.of());
    assertThat(config.dataDir()).isEqualTo(Path.of("./.onair-data"));
    assertThat(config.bind()).isEqualTo("127.0.0.1");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.rtmpPort()).isEqualTo(1935);
    assertThat(config.rtmpsPort()).isEqualTo(4443);
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.accountId()).isNull();
    assertThat(config.publicHost()).isEqualTo("127.0.0.1");
    assertThat(config.adminAccessKeyId()).isNull();
    assertThat(config.adminSecretAccessKey()).isNull();
    assertThat(config.rootPassword()).isNull();
    assertThat(config.databaseUrl()).isNull();
    assertThat(config.masterKey()).isNull();
    assertThat(config.maxRequestBytes()).isEqualTo(64 * 1024 * 1024);
    assertThat(config.policyCacheTtl()).isZero();
    assertThat(config.objectStore()).isNull();
    assertThat(config.tlsCertificate()).isNull();
    assertThat(config.tlsPrivateKey()).isNull();
    assertThat(config.playbackCountryHeader()).isNull();
    assertThat(config.alarmEvaluationInterval()).hasSeconds(10);
    assertThat(config.nodeAddress()).isNull();
  }

  @Test
  void load_nodeAddressWithoutPort_isRefused() {
    assertThatThrownBy(() -> ServerConfigLoader.load(Map.of("ONAIR_NODE_ADDRESS", "10.0.0.7"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--node-address");
  }

  @Test
  void load_policyCacheTtlDefaultsToOneSecondOnPostgres() {
    ServerConfig config = ServerConfigLoader.load(Map.of("ONAIR_DATABASE_URL", "postgresql://h/db"), List.of());
    assertThat(config.policyCacheTtl()).hasMillis(1000);
  }

  @Test
  void load_s3EndpointWithoutCredentials_namesWhatIsMissing() {
    assertThatThrownBy(() -> ServerConfigLoader.load(Map.of("ONAIR_S3_ENDPOINT", "http://h:9000"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ONAIR_S3_BUCKET");
  }

  @Test
  void table_coversEveryOption() {
    assertThat(VALUES.keySet()).containsExactlyInAnyOrder(ConfigOption.values());
  }

  static Stream<Arguments> options() {
    return Stream.of(ConfigOption.values()).map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("options")
  void load_fromEnvironment(ConfigOption option) {
    ServerConfig config = ServerConfigLoader.load(fullEnvironment(), List.of());
    assertThat(READ.get(option).apply(config)).isEqualTo(VALUES.get(option));
  }

  @ParameterizedTest
  @MethodSource("options")
  void load_fromFlags(ConfigOption option) {
    ServerConfig config = ServerConfigLoader.load(Map.of(), fullFlags());
    assertThat(READ.get(option).apply(config)).isEqualTo(VALUES.get(option));
  }

  @Test
  void load_flagWinsOverEnvironment() {
    ServerConfig config =
        ServerConfigLoader.load(Map.of("ONAIR_HTTP_PORT", "1111"), List.of("--http-port=2222"));
    assertThat(config.httpPort()).isEqualTo(2222);
  }

  @Test
  void load_publicHostDefaultsToLocalhostForWildcardBind() {
    assertThat(ServerConfigLoader.load(Map.of("ONAIR_BIND", "0.0.0.0"), List.of()).publicHost()).isEqualTo("localhost");
  }

  @Test
  void toString_neverShowsSecrets() {
    String text = ServerConfigLoader.load(fullEnvironment(), List.of()).toString();
    for (ConfigOption option : ConfigOption.values()) {
      if (option.secret()) {
        assertThat(text).doesNotContain(VALUES.get(option));
      }
    }
    assertThat(text).contains("AKIAEXAMPLE123456789").contains("<set>");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(List.of("--http-port", "http"), "--http-port"),
        Arguments.of(List.of("--rtmp-port", "70000"), "--rtmp-port"),
        Arguments.of(List.of("--account-id", "12345"), "--account-id"),
        Arguments.of(List.of("--region", "Mars"), "--region"),
        Arguments.of(List.of("--max-request-bytes", "0"), "--max-request-bytes"),
        Arguments.of(List.of("--admin-access-key-id", "AKIAEXAMPLE123456789"), "ONAIR_ADMIN_SECRET_ACCESS_KEY"),
        Arguments.of(List.of("--bogus", "1"), "--bogus"),
        Arguments.of(List.of("--bind"), "--bind"),
        Arguments.of(List.of("--policy-cache-ttl-ms", "-1"), "--policy-cache-ttl-ms"),
        Arguments.of(List.of("--tls-cert", "/etc/cert.pem"), "ONAIR_TLS_KEY"),
        Arguments.of(List.of("--tls-key", "/etc/key.pem"), "--tls-cert"),
        Arguments.of(List.of("--alarm-evaluation-seconds", "0"), "--alarm-evaluation-seconds"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void load_invalid_namesTheOption(List<String> flags, String named) {
    assertThatThrownBy(() -> ServerConfigLoader.load(Map.of(), flags))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(named);
  }

  private static Map<String, String> fullEnvironment() {
    Map<String, String> environment = new HashMap<>();
    VALUES.forEach((option, value) -> environment.put(option.environmentVariable(), value));
    return environment;
  }

  private static List<String> fullFlags() {
    return VALUES.entrySet().stream().flatMap(entry -> Stream.of(entry.getKey().flag(), entry.getValue())).toList();
  }
}

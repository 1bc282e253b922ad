package dev.onair.server.config;

/**
 * Every operator setting, each with its environment variable, its flag and its default. One table drives parsing,
 * {@code --help} and the defaults test, so the three can never disagree.
 */
public enum ConfigOption {
  DATA_DIR("ONAIR_DATA_DIR", "--data-dir", "./.onair-data", "directory for the database, keys and media"),
  BIND("ONAIR_BIND", "--bind", "127.0.0.1", "address to listen on (0.0.0.0 for all interfaces)"),
  HTTP_PORT("ONAIR_HTTP_PORT", "--http-port", "8080", "port of the AWS APIs, console, playback and health"),
  RTMP_PORT("ONAIR_RTMP_PORT", "--rtmp-port", "1935", "RTMP ingest port"),
  RTMPS_PORT("ONAIR_RTMPS_PORT", "--rtmps-port", "4443", "RTMPS ingest port (IVS uses 443; 4443 needs no root)"),
  REGION("ONAIR_REGION", "--region", "us-east-1", "region in ARNs and the default for unsigned requests"),
  ACCOUNT_ID("ONAIR_ACCOUNT_ID", "--account-id", null, "12-digit account id on first start (else random)"),
  PUBLIC_HOST(
      "ONAIR_PUBLIC_HOST", "--public-host", null, "host name in ingest/playback URLs (default: bind address)"),
  ADMIN_ACCESS_KEY_ID(
      "ONAIR_ADMIN_ACCESS_KEY_ID", "--admin-access-key-id", null, "admin user's access key id on first start"),
  ADMIN_SECRET_ACCESS_KEY(
      "ONAIR_ADMIN_SECRET_ACCESS_KEY", "--admin-secret-access-key", null, "admin user's secret on first start"),
  ROOT_PASSWORD("ONAIR_ROOT_PASSWORD", "--root-password", null, "root user's console password on first start"),
  DATABASE_URL(
      "ONAIR_DATABASE_URL", "--database-url", null, "JDBC URL of PostgreSQL (default: embedded, in the data dir)"),
  MASTER_KEY(
      "ONAIR_MASTER_KEY", "--master-key", null, "base64 AES-256 key for secrets at rest (default: key file in data dir)"),
  MAX_REQUEST_BYTES(
      "ONAIR_MAX_REQUEST_BYTES", "--max-request-bytes", "67108864", "largest request body accepted (413 above)"),
  POLICY_CACHE_TTL_MS(
      "ONAIR_POLICY_CACHE_TTL_MS",
      "--policy-cache-ttl-ms",
      null,
      "how long a node reuses the IAM policy generation it read (default 0 embedded, 1000 with PostgreSQL)"),
  S3_ENDPOINT(
      "ONAIR_S3_ENDPOINT", "--s3-endpoint", null, "S3-compatible store for recordings, http(s)://host:port (default: data dir)"),
  S3_ACCESS_KEY_ID("ONAIR_S3_ACCESS_KEY_ID", "--s3-access-key-id", null, "access key id for --s3-endpoint"),
  S3_SECRET_ACCESS_KEY("ONAIR_S3_SECRET_ACCESS_KEY", "--s3-secret-access-key", null, "secret key for --s3-endpoint"),
  S3_BUCKET("ONAIR_S3_BUCKET", "--s3-bucket", null, "bucket on --s3-endpoint that recordings go into"),
  S3_PATH_STYLE(
      "ONAIR_S3_PATH_STYLE", "--s3-path-style", "true", "true: endpoint/bucket/key (MinIO, Ceph); false: bucket.endpoint"),
  S3_REGION("ONAIR_S3_REGION", "--s3-region", "us-east-1", "signing region for --s3-endpoint"),
  TLS_CERT(
      "ONAIR_TLS_CERT", "--tls-cert", null, "PEM certificate chain for RTMPS (default: self-signed, in the data dir)"),
  TLS_KEY("ONAIR_TLS_KEY", "--tls-key", null, "PEM PKCS#8 private key of --tls-cert"),
  PLAYBACK_COUNTRY_HEADER(
      "ONAIR_PLAYBACK_COUNTRY_HEADER",
      "--playback-country-header",
      null,
      "trusted header with the viewer's country for allowedCountries, e.g. CloudFront-Viewer-Country (default: not checked)"),
  NODE_ADDRESS(
      "ONAIR_NODE_ADDRESS",
      "--node-address",
      null,
      "host:port other nodes use to reach this node's HTTP port, for forwarded playback (default: bind:http-port)"),
  ALARM_EVALUATION_SECONDS(
      "ONAIR_ALARM_EVALUATION_SECONDS", "--alarm-evaluation-seconds", "10", "how often CloudWatch alarms are evaluated");

  private final String environmentVariable;
  private final String flag;
  private final String defaultValue;
  private final String description;

  ConfigOption(String environmentVariable, String flag, String defaultValue, String description) {
    this.environmentVariable = environmentVariable;
    this.flag = flag;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String environmentVariable() {
    return environmentVariable;
  }

  public String flag() {
    return flag;
  }

  /** The default as text; null when the option has none (generated, or derived from another). */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** Secrets are never echoed: not in --help defaults, not in toString, not in logs. */
  public boolean secret() {
    return this == ADMIN_SECRET_ACCESS_KEY
        || this == ROOT_PASSWORD
        || this == DATABASE_URL
        || this == MASTER_KEY
        || this == S3_SECRET_ACCESS_KEY;
  }

  public static ConfigOption forFlag(String flag) {
    for (ConfigOption option : values()) {
      if (option.flag.equals(flag)) {
        return option;
      }
    }
    return null;
  }
}

package dev.onair.server.config;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.Secret;
import dev.onair.storage.objectstore.ObjectStoreSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The operator's settings, resolved: flag over environment variable over default. Optional values are null when
 * not given; the bootstrap then generates or derives them.
 *
 * @param databaseUrl may embed a password, so it is treated as a secret
 * @param policyCacheTtl how long a node reuses the policy generation it read: the bound on how late another node's
 *     policy change takes effect here
 * @param objectStore the operator's S3-compatible store for recordings; null keeps them in the data directory
 * @param tlsCertificate PEM certificate chain for RTMPS; null (with tlsPrivateKey) uses a self-signed one
 * @param tlsPrivateKey PEM PKCS#8 key of tlsCertificate; a path, so the key itself never sits in the config
 * @param playbackCountryHeader trusted request header carrying the viewer's country; null skips country checks
 * @param alarmEvaluationInterval how often CloudWatch alarms are evaluated
 * @param nodeAddress host:port other nodes reach this node's HTTP listener at; null derives it from bind and
 *     the bound HTTP port
 */
public record ServerConfig(
    Path dataDir,
    String bind,
    int httpPort,
    int rtmpPort,
    int rtmpsPort,
    String region,
    String accountId,
    String publicHost,
    String adminAccessKeyId,
    Secret adminSecretAccessKey,
    Secret rootPassword,
    Secret databaseUrl,
    Secret masterKey,
    int maxRequestBytes,
    Duration policyCacheTtl,
    ObjectStoreSettings objectStore,
    Path tlsCertificate,
    Path tlsPrivateKey,
    String playbackCountryHeader,
    Duration alarmEvaluationInterval,
    String nodeAddress) {

  public ServerConfig {
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(bind, "bind is null");
    requireNonNull(region, "region is null");
    requireNonNull(publicHost, "publicHost is null");
    requireNonNull(policyCacheTtl, "policyCacheTtl is null");
    requireNonNull(alarmEvaluationInterval, "alarmEvaluationInterval is null");
  }

  /** Whether the admin key pair was given; the two variables only make sense together. */
  public boolean hasAdminKey() {
    return adminAccessKeyId != null && adminSecretAccessKey != null;
  }

  /** Secrets show only whether they are set. */
  @Override
  public String toString() {
    return "ServerConfig[dataDir="
        + dataDir
        + ", bind="
        + bind
        + ", httpPort="
        + httpPort
        + ", rtmpPort="
        + rtmpPort
        + ", rtmpsPort="
        + rtmpsPort
        + ", region="
        + region
        + ", accountId="
        + accountId
        + ", publicHost="
        + publicHost
        + ", adminAccessKeyId="
        + adminAccessKeyId
        + ", adminSecretAccessKey="
        + redacted(adminSecretAccessKey)
        + ", rootPassword="
        + redacted(rootPassword)
        + ", databaseUrl="
        + redacted(databaseUrl)
        + ", masterKey="
        + redacted(masterKey)
        + ", maxRequestBytes="
        + maxRequestBytes
        + ", policyCacheTtl="
        + policyCacheTtl
        + ", objectStore="
        + objectStore
        + ", tlsCertificate="
        + tlsCertificate
        + ", tlsPrivateKey="
        + tlsPrivateKey
        + ", playbackCountryHeader="
        + playbackCountryHeader
        + ", alarmEvaluationInterval="
        + alarmEvaluationInterval
        + ", nodeAddress="
        + nodeAddress
        + "]";
  }

  private static String redacted(Secret secret) {
    return secret == null ? "unset" : "<set>";
  }
}

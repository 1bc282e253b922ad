package dev.onair.live;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The operator's settings the data plane needs.
 *
 * @param rtmpPort plain RTMP port (0 picks a free one, for tests); -1 disables the listener
 * @param rtmpsPort RTMPS port (0 picks a free one); -1 disables the listener
 * @param tlsCertificate PEM certificate chain for RTMPS, or null to use/generate {@code <dataDir>/tls/}
 * @param tlsPrivateKey PEM PKCS#8 private key for RTMPS, or null
 * @param idleTimeout a publisher silent this long is disconnected and its session ends
 * @param playbackCountryHeader the trusted request header (set by the operator's CDN or proxy, e.g.
 *     {@code CloudFront-Viewer-Country}) that carries the viewer's country for {@code allowedCountries}; null
 *     skips country checks, since a self-hosted server cannot locate viewers by itself
 */
public record LiveSettings(
    String bind,
    int rtmpPort,
    int rtmpsPort,
    Path dataDir,
    String publicHost,
    Path tlsCertificate,
    Path tlsPrivateKey,
    Duration idleTimeout,
    String playbackCountryHeader) {

  public LiveSettings {
    requireNonNull(bind, "bind is null");
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(publicHost, "publicHost is null");
    requireNonNull(idleTimeout, "idleTimeout is null");
  }

  /** Without a country header: allowedCountries is not enforced. */
  public LiveSettings(String bind, int rtmpPort, int rtmpsPort, Path dataDir, String publicHost, Path tlsCertificate,
      Path tlsPrivateKey, Duration idleTimeout) {
    this(bind, rtmpPort, rtmpsPort, dataDir, publicHost, tlsCertificate, tlsPrivateKey, idleTimeout, null);
  }

  public static LiveSettings of(String bind, int rtmpPort, int rtmpsPort, Path dataDir, String publicHost) {
    return new LiveSettings(bind, rtmpPort, rtmpsPort, dataDir, publicHost, null, null, Duration.ofSeconds(5));
  }
}

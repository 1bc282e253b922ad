package dev.onair.ivs;

import static java.util.Objects.requireNonNull;

/**
 * Where clients reach this Onair, as the channel's {@code ingestEndpoint} and {@code playbackUrl} advertise it.
 *
 * <p>AWS clients build the ingest URL as {@code rtmps://<ingestEndpoint>:443/app/<streamKey>} (or {@code rtmp://
 * ...:1935/app/} when insecureIngest is on). The ingest endpoint is therefore just a host name; Onair's RTMP and
 * RTMPS ports are {@link #rtmpPort} and {@link #rtmpsPort}, which match AWS's only when the operator maps them so.
 *
 * @param publicHost the host name (or address) clients use, e.g. from ONAIR_PUBLIC_HOST
 * @param httpPort the port of the HTTP listener that serves HLS playback
 * @param rtmpPort the plain RTMP ingest port (1935 at AWS)
 * @param rtmpsPort the RTMPS ingest port (443 at AWS), or 0 when RTMPS is not offered
 */
public record IvsEndpoints(String publicHost, int httpPort, int rtmpPort, int rtmpsPort) {
  public IvsEndpoints {
    requireNonNull(publicHost, "publicHost is null");
    if (publicHost.isBlank()) {
      throw new IllegalArgumentException("publicHost is blank");
    }
  }

  public String ingestEndpoint() {
    return publicHost;
  }

  /** The multivariant playlist of a channel: AWS's path layout, served by Onair's HTTP listener. */
  public String playbackUrl(String region, String accountId, String channelId) {
    return "http://" + publicHost + ":" + httpPort + "/api/video/v1/" + region + "." + accountId + ".channel."
        + channelId + ".m3u8";
  }

  /** The RTMP URL a broadcaster uses with Onair, for documentation and the console. */
  public String rtmpIngestUrl() {
    return "rtmp://" + publicHost + ":" + rtmpPort + "/app/";
  }
}

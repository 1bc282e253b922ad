package dev.onair.it.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairProcess;
import dev.onair.live.ingest.IngestTls;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tls-cert}/{@code --tls-key}: RTMPS presents the operator's certificate instead of the self-signed one
 * Onair would generate for its public host. (ffmpeg over RTMPS is covered by LiveIntegrationTest; the TLS
 * handshake is what differs here.)
 */
class RtmpsOperatorCertificateIntegrationTest {
  @TempDir Path dir;

  @Test
  void rtmps_presentsOperatorCertificate() throws Exception {
    // Any PEM pair will do; this one names a host the server would never put in a certificate of its own.
    IngestTls.serverContext(null, null, dir, "operator.example");
    Path cert = dir.resolve("tls/rtmps-cert.pem");
    Path key = dir.resolve("tls/rtmps-key.pem");
    assertThat(cert).isRegularFile();
    int rtmpsPort = LiveFixture.freePort();
    try (OnairProcess onair = OnairProcess.start("--rtmps-port", Integer.toString(rtmpsPort),
        "--tls-cert", cert.toString(), "--tls-key", key.toString())) {
      X509Certificate served = peerCertificate(rtmpsPort);
      assertThat(served.getSubjectX500Principal().getName()).contains("CN=operator.example");
      assertThat(Files.exists(onair.dataDir().resolve("tls/rtmps-cert.pem")))
          .as("no self-signed certificate generated when the operator gives one").isFalse();
    }
  }

  private static X509Certificate peerCertificate(int port) throws Exception {
    TrustManager trustAll = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
        port)) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }
}

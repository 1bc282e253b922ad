package dev.onair.it.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairProcess;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without operator settings, RTMPS presents a self-signed certificate generated into the data directory on first
 * start (issue 5 item 1): the served certificate is the one in {@code <dataDir>/tls/}, its key is readable by the
 * owner only, and a restart on the same data directory presents the same certificate, so an encoder that pinned it
 * keeps working.
 */
class RtmpsSelfSignedCertificateIntegrationTest {
  @TempDir Path dataDir;

  @Test
  void firstStart_generatesTheCertificateIntoTheDataDir_andARestartReusesIt() throws Exception {
    X509Certificate first;
    int rtmpsPort = LiveFixture.freePort();
    try (OnairProcess onair = OnairProcess.startOn(dataDir, "--rtmps-port", Integer.toString(rtmpsPort))) {
      first = peerCertificate(rtmpsPort);
      Path cert = dataDir.resolve("tls/rtmps-cert.pem");
      Path key = dataDir.resolve("tls/rtmps-key.pem");
      assertThat(cert).as("generated certificate").isRegularFile();
      assertThat(key).as("generated key").isRegularFile();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
      assertThat(first).as("RTMPS serves the generated certificate").isEqualTo(read(cert));
      assertThat(Files.readString(onair.dataDir().resolve("tls/rtmps-key.pem")))
          .startsWith("-----BEGIN PRIVATE KEY-----");
    }
    int restartPort = LiveFixture.freePort();
    try (OnairProcess restarted = OnairProcess.startOn(dataDir, "--rtmps-port", Integer.toString(restartPort))) {
      assertThat(peerCertificate(restartPort)).as("the same certificate after a restart").isEqualTo(first);
    }
  }

  private static X509Certificate read(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
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

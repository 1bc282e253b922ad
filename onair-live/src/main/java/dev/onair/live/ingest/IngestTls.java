package dev.onair.live.ingest;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTMPS server certificate: the operator's PEM files when given, otherwise a self-signed one generated once
 * into {@code <dataDir>/tls/} and reused, so encoders that pinned it keep working across restarts.
 */
public final class IngestTls {
  private static final Logger LOG = LoggerFactory.getLogger(IngestTls.class);
  static final String CERT_FILE = "rtmps-cert.pem";
  static final String KEY_FILE = "rtmps-key.pem";
  private static final Duration VALIDITY = Duration.ofDays(3650);

  private IngestTls() {}

  /**
   * @param certificate operator-supplied PEM certificate chain, or null
   * @param privateKey operator-supplied PEM PKCS#8 key, or null
   * @param dataDir where a generated pair is kept
   * @param hostName the public host name, put in the generated certificate's subject and SAN
   */
  public static SslContext serverContext(Path certificate, Path privateKey, Path dataDir, String hostName) {
    Path cert = certificate;
    Path key = privateKey;
    if (cert == null || key == null) {
      Path dir = dataDir.resolve("tls");
      cert = dir.resolve(CERT_FILE);
      key = dir.resolve(KEY_FILE);
      if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
        generateSelfSigned(dir, hostName);
      }
    }
    try {
      return SslContextBuilder.forServer(cert.toFile(), key.toFile()).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot load the RTMPS certificate " + cert + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a fresh P-256 key and a self-signed certificate for {@code hostName} (and localhost). ECDSA rather than
   * RSA because an RSA-2048 key takes seconds to generate on a busy machine, all of it on the first start's path
   * to ready; every encoder's TLS stack (OpenSSL, GnuTLS, Schannel, Secure Transport) accepts ECDSA.
   */
  static void generateSelfSigned(Path dir, String hostName) {
    try {
      Files.createDirectories(dir);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X509Certificate certificate = selfSign(pair, hostName);
      writeAtomically(dir.resolve(KEY_FILE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
      writeAtomically(dir.resolve(CERT_FILE), pem("CERTIFICATE", certificate.getEncoded()), false);
      LOG.info("generated a self-signed RTMPS certificate for {} in {}", hostName, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the RTMPS certificate into " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the RTMPS certificate", e);
    }
  }

  private static X509Certificate selfSign(KeyPair pair, String hostName)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name subject = new X500Name("CN=" + hostName.replaceAll("[,=+<>#;\"\\\\]", "") + ", O=Onair");
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
        subject, new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
        Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
    GeneralName host = hostName.matches("[0-9.]+|.*:.*")
        ? new GeneralName(GeneralName.iPAddress, hostName)
        : new GeneralName(GeneralName.dNSName, hostName);
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        host, new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")
    }));
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static void writeAtomically(Path target, byte[] bytes, boolean secret) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      if (secret) {
        try {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // Not a POSIX file system; the data directory's own permissions have to do.
        }
      }
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

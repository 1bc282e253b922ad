package dev.onair.server.frontdoor;

import dev.onair.iam.auth.CredentialResolver;
import dev.onair.iam.auth.ResolvedCredential;
import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Caller;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.sigv4.ChunkedPayloadResult;
import dev.onair.sigv4.ChunkedPayloadVerifier;
import dev.onair.sigv4.ParsedSignature;
import dev.onair.sigv4.SigV4Exception;
import dev.onair.sigv4.SigV4Failure;
import dev.onair.sigv4.SigV4Parser;
import dev.onair.sigv4.SignatureV4Verifier;
import dev.onair.sigv4.SigningRequest;
import dev.onair.sigv4.VerificationResult;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Establishes who signed a request: parse the SigV4 signature, look the key up, verify the signature (S3's
 * canonicalisation only for S3), then check the session token of temporary credentials and their expiry. Each
 * failure is thrown as the error the request's protocol expects.
 */
public final class RequestAuthenticator {
  // one per worker thread: a provider lookup per request costs more than hashing a small body
  private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(RequestAuthenticator::newDigest);
  private static final HexFormat HEX = HexFormat.of();
  private final CredentialResolver credentials;
  private final SignatureV4Verifier verifier;
  private final ChunkedPayloadVerifier chunkedVerifier;
  private final Supplier<String> accountId;
  private final String defaultRegion;

  public RequestAuthenticator(
      CredentialResolver credentials, SignatureV4Verifier verifier, Supplier<String> accountId, String defaultRegion) {
    this.credentials = credentials;
    this.verifier = verifier;
    this.chunkedVerifier = new ChunkedPayloadVerifier(verifier.keyCache());
    this.accountId = accountId;
    this.defaultRegion = defaultRegion;
  }

  /** The credential-scope service of a request, for routing; null when unsigned or unparseable. */
  public static String scopeService(HttpRequest request) {
    return SigV4Parser.credentialScopeService(signingRequest(request, null));
  }

  /**
   * @param protocol the protocol errors are reported in
   * @throws AwsServiceException when the request is not authentic
   */
  public Authentication authenticate(
      HttpRequest request, ServiceDefinition service, AwsProtocol protocol, Instant now) {
    boolean s3Rules = ServiceRegistry.S3.equals(service.signingName());
    SigningRequest signing = signingRequest(request, sha256(request.body()));
    ParsedSignature signature;
    try {
      signature = SigV4Parser.parse(signing, s3Rules);
    } catch (SigV4Exception e) {
      if (s3Rules && e.failure().reason() == SigV4Failure.Reason.MISSING_AUTHENTICATION) {
        return new Authentication(anonymous(), defaultRegion, request);
      }
      throw AuthenticationErrors.fromFailure(e.failure(), protocol);
    }
    if (!signature.service().equals(service.signingName())) {
      throw AuthenticationErrors.fromFailure(
          SigV4Failure.wrongService(service.signingName(), signature.presigned()), protocol);
    }
    ResolvedCredential credential = credentials.resolve(signature.accessKeyId()).orElse(null);
    if (credential == null || !credential.active()) {
      throw AuthenticationErrors.unknownKey(protocol, signature.accessKeyId());
    }
    String secret = credential.secretAccessKey().reveal();
    VerificationResult result = verifier.verify(signing, signature, secret, now, s3Rules);
    if (result instanceof VerificationResult.Failed failed) {
      throw AuthenticationErrors.fromFailure(failed.failure(), protocol);
    }
    checkSessionToken(credential, signature, protocol, now);
    HttpRequest served = request;
    if (((VerificationResult.Verified) result).streaming()) {
      ChunkedPayloadResult decoded = chunkedVerifier.verify(signing, signature, secret, request.body());
      if (decoded instanceof ChunkedPayloadResult.Failed chunkFailure) {
        throw AuthenticationErrors.fromFailure(chunkFailure.failure(), protocol);
      }
      ChunkedPayloadResult.Decoded body = (ChunkedPayloadResult.Decoded) decoded;
      served = withBody(request, body.payload(), body.trailers());
    }
    credentials.recordUse(signature.accessKeyId(), service.signingName(), signature.region(), now);
    return new Authentication(credential.caller(), signature.region(), served);
  }

  private static void checkSessionToken(
      ResolvedCredential credential, ParsedSignature signature, AwsProtocol protocol, Instant now) {
    String presented = signature.securityToken();
    if (!credential.temporary()) {
      if (presented != null && !presented.isEmpty()) {
        throw AuthenticationErrors.invalidToken(protocol);
      }
      return;
    }
    // Secret.matches compares in constant time, so a guesser learns nothing from response timing
    if (presented == null || !credential.sessionToken().matches(presented)) {
      throw AuthenticationErrors.invalidToken(protocol);
    }
    if (credential.expiration() != null && !now.isBefore(credential.expiration())) {
      throw AuthenticationErrors.expiredToken(protocol);
    }
  }

  private Caller anonymous() {
    String account = accountId.get();
    return new Caller(
        Caller.CallerType.ANONYMOUS, account, "*", "anonymous", null, null, null, null, null, null);
  }

  static SigningRequest signingRequest(HttpRequest request, String payloadHash) {
    return new SigningRequest(
        request.method(), request.rawPath(), request.rawQuery(), request.headers().entries(), payloadHash);
  }

  /**
   * The decoded body, with the trailing checksums (x-amz-checksum-*) moved into the headers, where S3 reads a
   * checksum a client sent up front: a trailer is only a header that had to wait for the body.
   */
  private static HttpRequest withBody(HttpRequest request, byte[] body, List<Map.Entry<String, String>> trailers) {
    HttpHeaders headers = request.headers();
    for (Map.Entry<String, String> trailer : trailers) {
      if (trailer.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("x-amz-checksum-")) {
        headers = headers.replacing(trailer.getKey(), trailer.getValue());
      }
    }
    return new HttpRequest(
        request.method(),
        request.rawPath(),
        request.rawQuery(),
        headers,
        body,
        request.remoteAddress(),
        request.secure());
  }

  static String sha256(byte[] body) {
    MessageDigest digest = DIGESTS.get();
    digest.reset();
    return HEX.formatHex(digest.digest(body));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

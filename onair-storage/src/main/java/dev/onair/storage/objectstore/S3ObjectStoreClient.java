package dev.onair.storage.objectstore;

import static java.util.Objects.requireNonNull;

import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few S3 calls Onair makes to an external store (PUT, GET, DELETE, ListObjectsV2, CreateBucket), signed with
 * the project's own SigV4 signer over {@code java.net.http}. Deliberately not the AWS SDK: it would put ~20 jars
 * and a second HTTP stack in the server for five requests.
 */
public final class S3ObjectStoreClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern KEY = Pattern.compile("<Key>([^<]*)</Key>");
  private static final Pattern NEXT_TOKEN = Pattern.compile("<NextContinuationToken>([^<]*)</NextContinuationToken>");

  private final ObjectStoreSettings settings;
  private final HttpClient http;
  private final SigV4Signer signer = new SigV4Signer();
  private final Clock clock;

  public S3ObjectStoreClient(ObjectStoreSettings settings, Clock clock) {
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  }

  public ObjectStoreSettings settings() {
    return settings;
  }

  /** Stores the object; returns its ETag without quotes. */
  public String put(String key, byte[] bytes, String contentType) {
    List<String> headers = new ArrayList<>();
    if (contentType != null) {
      headers.addAll(List.of("Content-Type", contentType));
    }
    HttpResponse<byte[]> response = send("PUT", key, Map.of(), bytes, headers);
    requireSuccess(response, "PUT " + key);
    return response.headers().firstValue("ETag").map(etag -> etag.replace("\"", "")).orElse("");
  }

  public Optional<byte[]> get(String key) {
    HttpResponse<byte[]> response = send("GET", key, Map.of(), new byte[0], List.of());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    requireSuccess(response, "GET " + key);
    return Optional.of(response.body());
  }

  public void delete(String key) {
    HttpResponse<byte[]> response = send("DELETE", key, Map.of(), new byte[0], List.of());
    if (response.statusCode() != 404) {
      requireSuccess(response, "DELETE " + key);
    }
  }

  /** Every key under {@code prefix}, following continuation tokens. */
  public List<String> list(String prefix) {
    return list(prefix, 1000);
  }

  List<String> list(String prefix, int pageSize) {
    List<String> keys = new ArrayList<>();
    String token = null;
    do {
      Map<String, String> query = new TreeMap<>(Map.of("list-type", "2", "prefix", prefix,
          "max-keys", Integer.toString(pageSize)));
      if (token != null) {
        query.put("continuation-token", token);
      }
      HttpResponse<byte[]> response = send("GET", "", query, new byte[0], List.of());
      requireSuccess(response, "ListObjectsV2 " + prefix);
      String xml = new String(response.body(), StandardCharsets.UTF_8);
      Matcher key = KEY.matcher(xml);
      while (key.find()) {
        keys.add(unescapeXml(key.group(1)));
      }
      Matcher next = NEXT_TOKEN.matcher(xml);
      token = next.find() ? unescapeXml(next.group(1)) : null;
    } while (token != null);
    return keys;
  }

  /** Creates the bucket when it is missing (tests and first starts against an empty store). */
  public void createBucketIfMissing() {
    HttpResponse<byte[]> head = send("HEAD", "", Map.of(), new byte[0], List.of());
    if (head.statusCode() / 100 == 2) {
      return;
    }
    HttpResponse<byte[]> created = send("PUT", "", Map.of(), new byte[0], List.of());
    if (created.statusCode() != 409) {
      requireSuccess(created, "CreateBucket " + settings.bucket());
    }
  }

  /** An answer to {@link #fetch}: status, body, the stored object's ETag (quoted, as sent) and Content-Range. */
  public record Fetched(int status, byte[] body, String etag, String contentRange) {}

  /**
   * A GET with optional {@code Range} and {@code If-Match} headers; 404, 412 and 416 come back as answers, any
   * other failure throws.
   */
  public Fetched fetch(String key, String range, String ifMatch) {
    List<String> headers = new ArrayList<>();
    if (range != null) {
      headers.addAll(List.of("Range", range));
    }
    if (ifMatch != null) {
      headers.addAll(List.of("If-Match", ifMatch));
    }
    HttpResponse<byte[]> response = send("GET", key, Map.of(), new byte[0], headers);
    int status = response.statusCode();
    if (status != 404 && status != 412 && status != 416) {
      requireSuccess(response, "GET " + key);
    }
    return new Fetched(status, response.body(), response.headers().firstValue("ETag").orElse(null),
        response.headers().firstValue("Content-Range").orElse(null));
  }

  /** Whether an object is stored under {@code key} (a HEAD). */
  public boolean exists(String key) {
    HttpResponse<byte[]> response = send("HEAD", key, Map.of(), new byte[0], List.of());
    if (response.statusCode() == 404) {
      return false;
    }
    requireSuccess(response, "HEAD " + key);
    return true;
  }

  /** Stores a file's bytes; {@code sha256Hex} is the payload hash that is signed. */
  public void putFile(String key, java.nio.file.Path file, String sha256Hex) {
    HttpRequest.BodyPublisher publisher;
    try {
      publisher = HttpRequest.BodyPublishers.ofFile(file);
    } catch (java.io.FileNotFoundException e) {
      throw new ObjectStoreException("PUT " + describe(key) + ": " + e.getMessage(), e);
    }
    HttpResponse<byte[]> response = send("PUT", key, Map.of(), publisher, sha256Hex, List.of());
    requireSuccess(response, "PUT " + key);
  }

  /** Whether any key starts with {@code prefix} (one page of one key). */
  public boolean anyUnder(String prefix) {
    Map<String, String> query = new TreeMap<>(Map.of("list-type", "2", "prefix", prefix, "max-keys", "1"));
    HttpResponse<byte[]> response = send("GET", "", query, new byte[0], List.of());
    requireSuccess(response, "ListObjectsV2 " + prefix);
    return KEY.matcher(new String(response.body(), StandardCharsets.UTF_8)).find();
  }

  private HttpResponse<byte[]> send(
      String method, String key, Map<String, String> query, byte[] body, List<String> extraHeaders) {
    HttpRequest.BodyPublisher publisher = body.length == 0 && !method.equals("PUT")
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
    return send(method, key, query, publisher, sha256(body), extraHeaders);
  }

  private HttpResponse<byte[]> send(String method, String key, Map<String, String> query,
      HttpRequest.BodyPublisher publisher, String payloadHash, List<String> extraHeaders) {
    URI endpoint = settings.endpoint();
    String host = settings.pathStyle() ? authority(endpoint) : settings.bucket() + "." + authority(endpoint);
    String path = (settings.pathStyle() ? "/" + encode(settings.bucket(), false) : "")
        + "/" + encode(key, true);
    if (!settings.pathStyle() && key.isEmpty()) {
      path = "/";
    }
    StringBuilder rawQuery = new StringBuilder();
    new TreeMap<>(query).forEach((name, value) -> {
      rawQuery.append(rawQuery.length() == 0 ? "" : "&").append(encode(name, false)).append('=')
          .append(encode(value, false));
    });
    String target = path + (rawQuery.length() == 0 ? "" : "?" + rawQuery);
    List<String> headers = new ArrayList<>(List.of("Host", host));
    headers.addAll(extraHeaders);
    SigningRequest signed = signer.sign(
        SigningRequest.of(method, target, payloadHash, headers.toArray(String[]::new)),
        SigningCredentials.of(settings.accessKeyId(), settings.secretAccessKey().reveal()),
        settings.region(), "s3", clock.instant(), true);
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create(endpoint.getScheme() + "://" + host + target))
        .timeout(TIMEOUT)
        .method(method, publisher);
    // java.net.http sets Host itself from the URI, which is the value that was signed
    signed.headers().stream()
        .filter(header -> !header.getKey().equalsIgnoreCase("Host"))
        .forEach(header -> request.header(header.getKey(), header.getValue()));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ObjectStoreException(method + " " + describe(key) + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ObjectStoreException(method + " " + describe(key) + " interrupted", e);
    }
  }

  private String describe(String key) {
    return settings.endpoint() + "/" + settings.bucket() + "/" + key;
  }

  private static void requireSuccess(HttpResponse<byte[]> response, String call) {
    if (response.statusCode() / 100 != 2) {
      String body = new String(response.body(), StandardCharsets.UTF_8);
      throw new ObjectStoreException(
          call + " answered " + response.statusCode() + ": " + body.substring(0, Math.min(body.length(), 300)), null);
    }
  }

  private static String authority(URI endpoint) {
    return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
  }

  /** RFC 3986 unreserved characters stay; everything else is percent-encoded as S3 expects. */
  static String encode(String text, boolean keepSlash) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~';
      if (unreserved || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  private static String unescapeXml(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

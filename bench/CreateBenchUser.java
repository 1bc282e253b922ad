import dev.onair.sigv4.SigV4Signer;
import dev.onair.sigv4.SigningCredentials;
import dev.onair.sigv4.SigningRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** Creates the user that ClusterLoad reads (IAM CreateUser, signed with the admin key from the environment). */
public final class CreateBenchUser {
  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1:" + args[0];
    byte[] body = "Action=CreateUser&Version=2010-05-08&UserName=bench".getBytes(StandardCharsets.UTF_8);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    SigningRequest signed = new SigV4Signer().sign(
        SigningRequest.of("POST", "/", hash, "Host", host,
            "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        SigningCredentials.of(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY")),
        "us-east-1", "iam", Instant.now(), false);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + "/"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, String> header : signed.headers()) {
      if (!header.getKey().equalsIgnoreCase("Host")) {
        request.header(header.getKey(), header.getValue());
      }
    }
    int status = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200) {
      throw new IllegalStateException("CreateUser answered " + status);
    }
  }
}

package dev.onair.it.robustness;

import static dev.onair.it.robustness.Robustness.utf8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * S3 restXml request bodies for the XML family: valid seeds to mutate, and documents built to hurt an XML parser
 * (entity expansion, external entities and DTDs, XInclude, deep nesting, huge or numerous attributes, lying
 * encodings, invalid UTF-8). Every external reference points at a {@link Canary}: a listener that must never be
 * contacted, which is what proves the server resolves nothing.
 */
final class HostileXml {
  private HostileXml() {}

  static final String CREATE_BUCKET = "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
      + "<LocationConstraint>us-east-1</LocationConstraint></CreateBucketConfiguration>";
  static final String DELETE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete xmlns=\"http://s3.amazonaws.com/doc/"
      + "2006-03-01/\"><Object><Key>a/b.txt</Key></Object><Object><Key> spaced key </Key><VersionId>null</VersionId>"
      + "</Object><Quiet>false</Quiet></Delete>";
  static final String COMPLETE = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Part>"
      + "<PartNumber>1</PartNumber><ETag>\"0cc175b9c0f1b6a831c399e269772661\"</ETag></Part><Part><PartNumber>2"
      + "</PartNumber><ETag>\"92eb5ffee6ae2fec3ad71c777531578f\"</ETag></Part></CompleteMultipartUpload>";

  /** A document that attacks the parser itself; {@code canary} is the port external references point at. */
  static byte[] hostile(Random random, int canary) {
    String url = "http://127.0.0.1:" + canary + "/xxe";
    String body = switch (random.nextInt(13)) {
      case 0 -> billionLaughs();
      case 1 -> "<!DOCTYPE Delete [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Delete><Object><Key>&x;</Key>"
          + "</Object></Delete>";
      case 2 -> "<!DOCTYPE Delete [<!ENTITY x SYSTEM \"" + url + "\">]><Delete><Object><Key>&x;</Key></Object>"
          + "</Delete>";
      case 3 -> "<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><Delete/>";
      case 4 -> "<!DOCTYPE CompleteMultipartUpload SYSTEM \"" + url + "\"><CompleteMultipartUpload/>";
      case 5 -> "<Delete xmlns:xi=\"http://www.w3.org/2001/XInclude\"><Object><Key><xi:include href=\"" + url
          + "\" parse=\"text\"/></Key></Object></Delete>";
      case 6 -> { // nested inside a value the handler reads as text
        int depth = 1 + random.nextInt(random.nextInt(4) == 0 ? 200_000 : 20_000);
        yield "<Delete><Object><Key>" + "<a>".repeat(depth) + "k" + "</a>".repeat(depth) + "</Key></Object></Delete>";
      }
      case 7 -> "<CompleteMultipartUpload>" + "<Part>".repeat(1 + random.nextInt(100_000)); // deep and unclosed
      case 8 -> random.nextBoolean()
          ? "<Delete><Object a=\"" + "v".repeat(1 + random.nextInt(1 << 20)) + "\"><Key>k</Key></Object></Delete>"
          : "<Delete><Object " + attributes(1 + random.nextInt(20_000)) + "><Key>k</Key></Object></Delete>";
      case 9 -> "<?xml version=\"1.0\" encoding=\"" + pick(random, "UTF-16", "UTF-32", "IBM037", "x-unknown",
          "ISO-2022-JP", "UTF-7") + "\"?>" + DELETE.substring(DELETE.indexOf("?>") + 2);
      case 10 -> "<Delete>" + "<Object><Key>k</Key></Object>".repeat(1 + random.nextInt(5_000)) + "</Delete>";
      case 11 -> "<Delete " + namespaces(1 + random.nextInt(5_000)) + "><Object><Key>k</Key></Object></Delete>";
      default -> "<Delete xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:x "
          + url + "\"><?xml-stylesheet href=\"" + url + "\"?><Object><Key>k</Key></Object></Delete>";
    };
    byte[] bytes = utf8(body);
    if (random.nextInt(8) == 0) { // invalid UTF-8 somewhere in it
      byte[] bad = Mutator.BAD_UTF8[random.nextInt(Mutator.BAD_UTF8.length)];
      int at = random.nextInt(bytes.length + 1);
      bytes = Mutator.splice(bytes, at, at, bad);
    }
    return bytes;
  }

  private static String billionLaughs() {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 10; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    return dtd + "]><Delete><Object><Key>&l10;</Key></Object></Delete>";
  }

  private static String attributes(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(" a").append(i).append("=\"").append(i).append('"');
    }
    return out.toString();
  }

  private static String namespaces(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(" xmlns:n").append(i).append("=\"urn:n").append(i).append('"');
    }
    return out.toString();
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }

  /** The UploadId element of a CreateMultipartUpload answer. */
  static String uploadId(String xml) {
    int start = xml.indexOf("<UploadId>");
    int end = xml.indexOf("</UploadId>");
    if (start < 0 || end < start) {
      throw new AssertionError("no UploadId in " + xml);
    }
    return xml.substring(start + "<UploadId>".length(), end);
  }

  /** A listener that counts connections: any at all means the server followed an external reference. */
  static final class Canary implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger contacts = new AtomicInteger();
    private final List<String> firstLines = new ArrayList<>();

    Canary() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::accept, "xml-canary");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int contacts() {
      return contacts.get();
    }

    synchronized List<String> firstLines() {
      return List.copyOf(firstLines);
    }

    private void accept() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          contacts.incrementAndGet();
          client.setSoTimeout(500);
          byte[] head = client.getInputStream().readNBytes(80);
          synchronized (this) {
            firstLines.add(new String(head, StandardCharsets.ISO_8859_1).split("\r\n")[0]);
          }
        } catch (IOException closedOrQuiet) {
          // counted already; a closed socket ends the loop
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}

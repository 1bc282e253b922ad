package dev.onair.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.s3.xml.XmlBodies;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * S3's XML request bodies (CreateBucketConfiguration, Delete, CompleteMultipartUpload) through {@link XmlBodies}
 * and read the way the handlers read them (every element's children by name, their text raw and trimmed): a tree
 * or S3's MalformedXML. Hostile documents: entity expansion, external entities, DTDs, XInclude and schema
 * locations pointing at a local listener that must never be contacted, deep nesting, huge or numerous attributes,
 * lying encodings. Inputs up to 1 MiB.
 */
@AddLifecycleHook(FuzzTries.class)
class S3XmlFuzzTest {
  static final int CAP = 1 << 20;
  /** DOM keeps a node object per element and attribute: up to a few hundred bytes per input byte. */
  private static final Bounded.Limit LIMIT = new Bounded.Limit(Bounded.FIRST_USE, 400);
  private static final Canary CANARY = new Canary();

  private final Mutator mutator = new Mutator(Mutator.utf8(
      "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>eu-west-1"
          + "</LocationConstraint></CreateBucketConfiguration>",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object>"
          + "<Key>a/b.txt</Key></Object><Object><Key> spaced &amp; &#233; &#x1F600; </Key><VersionId>null"
          + "</VersionId></Object><Quiet>false</Quiet></Delete>",
      "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"0cc175b9c0f1b6a831c399e269772661\"</ETag>"
          + "</Part><Part><PartNumber>2</PartNumber><ETag><![CDATA[\"92eb5ffee6\"]]></ETag></Part><!-- c -->"
          + "</CompleteMultipartUpload>"),
      List.of("<", ">", "</", "/>", "<a>", "</a>", "&", "&amp;", "&#0;", "&#x110000;", "&lt", "&x;", "<![CDATA[",
          "]]>", "<!--", "-->", "<?xml version=\"1.1\"?>", "<?pi x?>", "<!DOCTYPE d>", "<!ENTITY x \"y\">",
          "xmlns=\"\"", "xmlns:p=\"urn:p\"", "p:", "=\"", "'", "\u00e9", "\ufeff", "\u0000"),
      "<a>&'\"", CAP);

  @Provide
  Arbitrary<byte[]> bodies() {
    return mutator.inputs(3, random -> hostile(random, CANARY.port()));
  }

  @Property
  void s3XmlBody_readsOrIsMalformedXml(@ForAll("bodies") byte[] input) {
    Bounded.parse(input, input.length, LIMIT, () -> readLikeTheHandlers(XmlBodies.parse(input)),
        failure -> QueryFuzzTest.isClientError(failure)
            && ((dev.onair.protocol.error.AwsServiceException) failure).errorCode().code().equals("MalformedXML"));
    assertThat(CANARY.contacts()).as("external references followed (XXE)").isZero();
  }

  /** The element names S3's handlers look up (CreateBucket, DeleteObjects, CompleteMultipartUpload). */
  private static final List<String> NAMES =
      List.of("LocationConstraint", "Object", "Key", "VersionId", "Quiet", "Part", "PartNumber", "ETag");

  /**
   * Every element (iteratively: the test must not be what overflows) asked for each of those names, raw and
   * trimmed, as the handlers ask their root and its children.
   */
  private static int readLikeTheHandlers(Element root) {
    int texts = XmlBodies.localName(root).length();
    Deque<Element> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Element element = pending.pop();
      for (String name : NAMES) {
        texts += XmlBodies.children(element, name).size();
        String raw = XmlBodies.childRawText(element, name);
        if (raw != null) {
          assertThat(raw).doesNotContain("root:x:0:0");
          texts += raw.length() + XmlBodies.childText(element, name).length();
        }
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element childElement) {
          pending.push(childElement);
        }
      }
    }
    return texts;
  }

  static byte[] hostile(Random random, int canary) {
    String url = "http://127.0.0.1:" + canary + "/xxe";
    int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 100_000 : 5_000);
    String body = switch (random.nextInt(12)) {
      case 0 -> billionLaughs();
      case 1 -> "<!DOCTYPE Delete [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Delete><Object><Key>&x;</Key>"
          + "</Object></Delete>";
      case 2 -> "<!DOCTYPE Delete [<!ENTITY x SYSTEM \"" + url + "\">]><Delete><Object><Key>&x;</Key></Object>"
          + "</Delete>";
      case 3 -> "<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><Delete/>";
      case 4 -> "<!DOCTYPE CompleteMultipartUpload SYSTEM \"" + url + "\"><CompleteMultipartUpload/>";
      case 5 -> "<Delete xmlns:xi=\"http://www.w3.org/2001/XInclude\"><Object><Key><xi:include href=\"" + url
          + "\" parse=\"text\"/></Key></Object></Delete>";
      case 6 -> "<Delete><Object><Key>" + "<a>".repeat(n) + "k" + "</a>".repeat(n) + "</Key></Object></Delete>";
      case 7 -> "<Delete><Object a=\"" + "v".repeat(n * 10) + "\"" + " b=\"1\"".repeat(random.nextInt(3))
          + "><Key>k</Key></Object></Delete>";
      case 8 -> {
        StringBuilder attributes = new StringBuilder("<Delete");
        for (int i = 0; i < n; i++) {
          attributes.append(random.nextBoolean() ? " a" : " xmlns:n").append(i).append("=\"urn:").append(i)
              .append('"');
        }
        yield attributes + "><Object><Key>k</Key></Object></Delete>";
      }
      case 9 -> "<?xml version=\"1.0\" encoding=\"" + new String[] {"UTF-16", "UTF-32", "IBM037", "x-unknown",
          "UTF-7", "ISO-2022-JP"}[random.nextInt(6)] + "\"?><Delete><Object><Key>k</Key></Object></Delete>";
      case 10 -> "<Delete>" + "<Object><Key>k</Key></Object>".repeat(n) + "</Delete>";
      default -> "<Delete xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:x "
          + url + "\"><?xml-stylesheet href=\"" + url + "\"?><Object><Key>&#x" + "0".repeat(n) + "41;</Key>"
          + "</Object></Delete>";
    };
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static String billionLaughs() {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 10; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    return dtd + "]><Delete><Object><Key>&l10;</Key></Object></Delete>";
  }

  /** A loopback listener that counts connections: any at all means a parser followed an external reference. */
  static final class Canary {
    private final ServerSocket socket;
    private final AtomicInteger contacts = new AtomicInteger();

    Canary() {
      try {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Thread acceptor = new Thread(() -> {
        while (true) {
          try (Socket ignored = socket.accept()) {
            contacts.incrementAndGet();
          } catch (IOException e) {
            return;
          }
        }
      }, "xml-canary");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int contacts() {
      return contacts.get();
    }
  }
}

package dev.onair.s3.xml;

import dev.onair.s3.S3Errors;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads S3 request bodies (CreateBucketConfiguration, Delete, CompleteMultipartUpload). External entities and
 * DTDs are refused: request bodies come from the network. Any parse failure is S3's MalformedXML.
 *
 * <p>Element depth is capped at {@link #MAX_DEPTH}: S3's bodies are at most four deep, and DOM's text accessors
 * recurse once per level, so a body nested some ten thousand deep overflowed the stack of the thread reading it.
 */
public final class XmlBodies {
  static final int MAX_DEPTH = 64;

  private XmlBodies() {}

  public static Element parse(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
    } catch (Exception e) {
      throw S3Errors.malformedXml();
    }
  }

  /** Child elements with the given local name, in document order. */
  public static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(localName(element))) {
        result.add(element);
      }
    }
    return result;
  }

  /** The trimmed text of the first child with that name, or null. */
  public static String childText(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0).getTextContent().trim();
  }

  /** The untrimmed text of the first child with that name, or null: object keys may start or end in spaces. */
  public static String childRawText(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0).getTextContent();
  }

  public static String localName(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }
}

package org.civic311.georeport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads GeoReport XML into the tree its JSON form would have, by the Spark convention. Stateless;
 * every call builds its own parser, so it is thread-safe.
 *
 * <p>Rules: the root element is dropped; a known list container is an array whatever the number
 * of its children; any other element holding two or more children of one name is an array too;
 * an element without children is its text, or null when the text is empty or only white space;
 * a name repeated among mixed siblings becomes an array under that name. XML attributes,
 * comments and processing instructions are ignored; namespaces are ignored (local names).
 *
 * <p>Safety: a document type declaration is refused outright, and the parser neither reads DTDs
 * nor resolves external entities, so entity expansion and XXE attacks have nothing to work with.
 */
final class SparkXml {
  /** Known list containers and the name of the item each one repeats. */
  static final Map<String, String> CONTAINERS = Map.ofEntries(
      Map.entry("services", "service"),
      Map.entry("attributes", "attribute"),
      Map.entry("values", "value"),
      Map.entry("service_requests", "request"),
      Map.entry("errors", "error"),
      Map.entry("endpoints", "endpoint"),
      Map.entry("formats", "format"),
      Map.entry("service_request_updates", "request_update"),
      Map.entry("groups", "group"),
      Map.entry("notes", "note"),
      Map.entry("media_urls", "media_url"));

  // GeoReport documents nest six levels at most; this only stops hostile documents.
  private static final int MAX_DEPTH = 100;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * A parsed document.
   *
   * @param rootName the local name of the XML root element
   * @param body     the Spark tree
   * @param misnamed one message per list item whose element name is not the one its container
   *                 repeats (such as {@code <services>} holding {@code <svc>})
   */
  record Parsed(String rootName, JsonNode body, List<String> misnamed) {}

  private SparkXml() {}

  /** @throws DocumentException when the bytes are not well-formed XML or declare a DTD */
  static Parsed parse(byte[] xml) {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      Element root = null;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw new DocumentException("XML document type declarations are not allowed");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          root = element(reader, 1);
        }
      }
      if (root == null) {
        throw new DocumentException("XML document has no root element");
      }
      List<String> misnamed = new ArrayList<>();
      return new Parsed(root.name, tree(root, "", misnamed), List.copyOf(misnamed));
    } catch (XMLStreamException e) {
      throw new DocumentException("not well-formed XML: " + oneLine(e.getMessage()), e);
    } finally {
      close(reader);
    }
  }

  /** Reads the element whose start tag the reader is on, up to and including its end tag. */
  private static Element element(XMLStreamReader reader, int depth) throws XMLStreamException {
    if (depth > MAX_DEPTH) {
      throw new DocumentException("XML nests deeper than " + MAX_DEPTH + " elements");
    }
    Element e = new Element(reader.getLocalName());
    while (true) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> e.children.add(element(reader, depth + 1));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            e.text.append(reader.getText());
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new DocumentException("XML entity reference &" + reader.getLocalName() + "; is not allowed");
        case XMLStreamConstants.END_ELEMENT -> {
          return e;
        }
        default -> {
          // comments and processing instructions carry nothing of the document
        }
      }
    }
  }

  private static JsonNode tree(Element e, String path, List<String> misnamed) {
    boolean blank = e.text.toString().isBlank();
    if (e.children.isEmpty()) {
      if (CONTAINERS.containsKey(e.name) && blank) {
        return NODES.arrayNode();
      }
      return blank ? NODES.nullNode() : NODES.textNode(e.text.toString());
    }
    if (!blank) {
      throw new DocumentException(describe(path, e.name) + " mixes text with elements");
    }
    String item = CONTAINERS.get(e.name);
    if (item != null) {
      ArrayNode array = NODES.arrayNode();
      for (Element child : e.children) {
        String at = path + "[" + array.size() + "]";
        if (!child.name.equals(item)) {
          misnamed.add((path.isEmpty() ? "" : path + ": ") + "<" + e.name + "> holds <" + child.name
              + ">, expected <" + item + ">");
        }
        array.add(tree(child, at, misnamed));
      }
      return array;
    }
    if (e.children.size() > 1 && allNamed(e.children, e.children.get(0).name)) {
      ArrayNode array = NODES.arrayNode();
      for (Element child : e.children) {
        array.add(tree(child, path + "[" + array.size() + "]", misnamed));
      }
      return array;
    }
    return object(e, path, misnamed);
  }

  private static ObjectNode object(Element e, String path, List<String> misnamed) {
    Map<String, List<Element>> byName = new LinkedHashMap<>();
    for (Element child : e.children) {
      byName.computeIfAbsent(child.name, k -> new ArrayList<>(1)).add(child);
    }
    ObjectNode object = NODES.objectNode();
    for (Map.Entry<String, List<Element>> field : byName.entrySet()) {
      String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      List<Element> same = field.getValue();
      if (same.size() == 1) {
        object.set(field.getKey(), tree(same.get(0), at, misnamed));
      } else {
        ArrayNode array = NODES.arrayNode();
        for (Element child : same) {
          array.add(tree(child, at + "[" + array.size() + "]", misnamed));
        }
        object.set(field.getKey(), array);
      }
    }
    return object;
  }

  private static boolean allNamed(List<Element> elements, String name) {
    for (Element e : elements) {
      if (!e.name.equals(name)) {
        return false;
      }
    }
    return true;
  }

  private static String describe(String path, String name) {
    return path.isEmpty() ? "<" + name + ">" : path;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").trim();
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing was written; there is nothing to lose
      }
    }
  }

  /** An element as read, before the Spark rules turn it into a tree. */
  private static final class Element {
    final String name;
    final StringBuilder text = new StringBuilder();
    final List<Element> children = new ArrayList<>();

    Element(String name) {
      this.name = name;
    }
  }
}

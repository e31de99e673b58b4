package org.civic311.georeport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A GeoReport document as a tree that both XML and JSON are written from, following the Spark
 * convention: named fields become elements or object members, and a list is a container of
 * same-named children in XML and an array in JSON, whatever its length.
 */
public sealed interface Node permits Node.Scalar, Node.Fields, Node.Items {

  /** A leaf: a {@link String}, {@link Boolean}, {@link Number} or null (an empty element in XML). */
  record Scalar(Object value) implements Node {}

  /** A named member of a {@link Fields} node. */
  record Field(String name, Node value) {}

  /** An object in JSON; an element holding one child element per field in XML. */
  record Fields(List<Field> fields) implements Node {
    public Fields {
      fields = Collections.unmodifiableList(fields);
    }
  }

  /** An array in JSON; a container element repeating {@code childName} in XML. */
  record Items(String childName, List<Node> items) implements Node {
    public Items {
      items = Collections.unmodifiableList(items);
    }
  }

  /** Builds a {@link Fields} node in field order. Not thread-safe; use once. */
  final class FieldsBuilder {
    private final List<Field> fields = new ArrayList<>();

    public FieldsBuilder put(String name, Object scalar) {
      fields.add(new Field(name, new Scalar(scalar)));
      return this;
    }

    public FieldsBuilder put(String name, Node node) {
      fields.add(new Field(name, node));
      return this;
    }

    public Fields build() {
      return new Fields(fields);
    }
  }

  static FieldsBuilder fields() {
    return new FieldsBuilder();
  }
}

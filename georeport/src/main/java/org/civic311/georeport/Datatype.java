package org.civic311.georeport;

/** The six datatypes a service attribute can have. */
public enum Datatype {
  STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

  /** The lower-case name used on the wire. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** True for the two list types, whose answers must be keys of the attribute's values. */
  public boolean isList() {
    return this == SINGLEVALUELIST || this == MULTIVALUELIST;
  }

  /** Parses the wire name, ignoring case; throws {@link IllegalArgumentException} otherwise. */
  public static Datatype ofWireName(String name) {
    for (Datatype t : values()) {
      if (t.wireName().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown datatype '" + name + "'");
  }
}

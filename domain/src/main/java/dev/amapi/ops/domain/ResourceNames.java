package dev.amapi.ops.domain;

/** Parses slash-separated resource names against a fixed pattern of collections and IDs. */
final class ResourceNames {
  private ResourceNames() {}

  /**
   * Splits {@code name} into its IDs, checking that it reads {@code collections[0]/{id}/...}.
   *
   * @param kind what the name is, for messages ("operation name")
   * @param collections the collection segments in order, e.g. enterprises, devices
   * @param idNames what each ID is called in messages, e.g. enterprise, device
   * @throws IllegalArgumentException quoting {@code name} and naming the rule it broke
   */
  static String[] parse(String kind, String name, String[] collections, String[] idNames) {
    String expected = pattern(collections, idNames);
    String[] segments = name.split("/", -1);
    if (segments.length != collections.length * 2) {
      throw invalid(
          kind,
          name,
          "expected "
              + expected
              + " ("
              + collections.length * 2
              + " segments), got "
              + segments.length
              + " segment"
              + (segments.length == 1 ? "" : "s"));
    }
    String[] ids = new String[collections.length];
    for (int i = 0; i < collections.length; i++) {
      String collection = segments[2 * i];
      if (!collection.equals(collections[i])) {
        throw invalid(
            kind,
            name,
            "segment "
                + (2 * i + 1)
                + " must be \""
                + collections[i]
                + "\", not \""
                + ResourceIds.printable(collection)
                + "\" (expected "
                + expected
                + ")");
      }
      String id = segments[2 * i + 1];
      String problem = ResourceIds.problem(id);
      if (problem != null) {
        throw invalid(
            kind,
            name,
            "the " + idNames[i] + " ID \"" + ResourceIds.printable(id) + "\" " + problem);
      }
      ids[i] = id;
    }
    return ids;
  }

  private static String pattern(String[] collections, String[] idNames) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < collections.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(collections[i]).append("/{").append(idNames[i]).append('}');
    }
    return out.toString();
  }

  private static IllegalArgumentException invalid(String kind, String name, String rule) {
    return new IllegalArgumentException(
        "Invalid " + kind + " \"" + ResourceIds.printable(name) + "\": " + rule);
  }
}

package dev.onair.console.session;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A secret the console shows exactly once (a new user's password, a new secret access key), with the CSV file the
 * same page offers. Lives only in the server-side session; the page that shows it marks it shown, and leaving the
 * page discards it.
 *
 * @param kind what it is, for the page ("password" or "accessKey")
 * @param fields label → value, in display order; values may be secrets
 * @param csvName the download's file name
 * @param returnPath where "Return"/"Done" leads
 */
public record Reveal(String kind, Map<String, String> fields, String csvName, String returnPath) {
  public Reveal {
    requireNonNull(kind, "kind is null");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    requireNonNull(csvName, "csvName is null");
    requireNonNull(returnPath, "returnPath is null");
  }

  /** The CSV AWS offers: a header row of the labels and one row of values, each quoted. */
  public String csv() {
    StringBuilder header = new StringBuilder();
    StringBuilder row = new StringBuilder();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (header.length() > 0) {
        header.append(',');
        row.append(',');
      }
      header.append(quote(field.getKey()));
      row.append(quote(field.getValue()));
    }
    return header + "\r\n" + row + "\r\n";
  }

  private static String quote(String value) {
    String text = value == null ? "" : value;
    // a leading = + - @ would make a spreadsheet evaluate the cell; a quote prefix keeps it text
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /** Names the kind and fields, never the values. */
  @Override
  public String toString() {
    return "Reveal[" + kind + ", " + fields.keySet() + "]";
  }
}

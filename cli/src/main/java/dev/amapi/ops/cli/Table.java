package dev.amapi.ops.cli;

import dev.amapi.ops.rest.WireFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table whose columns are as wide as their widest cell; the last is not padded. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  Table(String... headers) {
    this.columns = headers.length;
    rows.add(headers.clone());
  }

  void add(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("a row needs " + columns + " cells, has " + cells.length);
    }
    String[] printable = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      // One row is one line, whatever the server put in a message, and nothing the terminal runs.
      printable[i] = WireFormat.oneLine(cells[i]);
    }
    rows.add(printable);
  }

  void print(PrintWriter out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        if (i == columns - 1) {
          line.append(row[i]);
        } else {
          line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }
}

package dev.onair.s3.blob;

import java.util.Comparator;

/**
 * S3 lists keys in UTF-8 binary order. Comparing code points gives the same order; {@link String#compareTo}
 * compares UTF-16 units and would misplace characters above U+FFFF relative to U+E000..U+FFFF.
 */
public enum KeyOrder implements Comparator<String> {
  INSTANCE;

  @Override
  public int compare(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int a = left.codePointAt(i);
      int b = right.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Integer.compare(left.length() - i, right.length() - j);
  }
}

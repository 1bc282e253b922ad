package dev.onair.s3;

import dev.onair.s3.model.ByteRange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a single-range {@code Range: bytes=...} header against an object's size. As on S3, a header that is not
 * a single byte range is ignored (the whole object is returned), and a well-formed range that starts beyond the end
 * is InvalidRange (416).
 */
public final class RangeHeader {
  private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

  private RangeHeader() {}

  public static Optional<ByteRange> resolve(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher matcher = SINGLE.matcher(header);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String first = matcher.group(1);
    String last = matcher.group(2);
    try {
      if (first.isEmpty()) {
        if (last.isEmpty()) {
          return Optional.empty();
        }
        long suffix = Long.parseLong(last);
        if (suffix == 0 || size == 0) {
          throw unsatisfiable(header, size);
        }
        return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long start = Long.parseLong(first);
      long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
      if (!last.isEmpty() && Long.parseLong(last) < start) {
        return Optional.empty();
      }
      if (start >= size) {
        throw unsatisfiable(header, size);
      }
      return Optional.of(new ByteRange(start, end));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  private static RuntimeException unsatisfiable(String header, long size) {
    return S3Errors.of(
        S3ErrorCode.INVALID_RANGE,
        S3ErrorCode.INVALID_RANGE.defaultMessage(),
        "RangeRequested",
        header.trim(),
        "ActualObjectSize",
        Long.toString(size));
  }
}

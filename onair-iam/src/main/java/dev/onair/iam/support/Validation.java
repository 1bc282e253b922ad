package dev.onair.iam.support;

import dev.onair.iam.IamErrors;
import java.util.regex.Pattern;

/**
 * The model's constraints (iam.md §1.6), reported the way AWS's request validation reports them: {@code 1
 * validation error detected: Value 'x y' at 'userName' failed to satisfy constraint: Member must satisfy regular
 * expression pattern: [\w+=,.@-]+}.
 */
public final class Validation {
  public static final String NAME_PATTERN = "[\\w+=,.@-]+";
  public static final String PATH_PATTERN = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";
  public static final String POLICY_PATH_PATTERN = "((/[A-Za-z0-9\\.,\\+@=_-]+)*)/";
  public static final String PATH_PREFIX_PATTERN = "\\u002F[\\u0021-\\u007F]*";
  public static final String DESCRIPTION_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*";
  public static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
  public static final String TAG_VALUE_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
  public static final String PASSWORD_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
  public static final String POLICY_DOCUMENT_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
  public static final String ACCESS_KEY_ID_PATTERN = "[\\w]+";

  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
  private static final Pattern PATH = Pattern.compile(PATH_PATTERN);
  private static final Pattern POLICY_PATH = Pattern.compile(POLICY_PATH_PATTERN);
  private static final Pattern PATH_PREFIX = Pattern.compile(PATH_PREFIX_PATTERN);
  private static final Pattern DESCRIPTION = Pattern.compile(DESCRIPTION_PATTERN);

  private Validation() {}

  /** The model's member name as AWS's validator spells it: first letter lower-cased. */
  static String memberName(String member) {
    return Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }

  public static void requireNotNull(String member, Object value) {
    if (value == null) {
      throw IamErrors.validation(
          "1 validation error detected: Value null at '" + memberName(member)
              + "' failed to satisfy constraint: Member must not be null");
    }
  }

  public static void length(String member, String value, int min, int max) {
    if (value == null) {
      return;
    }
    int length = value.codePointCount(0, value.length());
    if (length < min) {
      throw failed(member, value, "Member must have length greater than or equal to " + min);
    }
    if (length > max) {
      throw failed(member, value, "Member must have length less than or equal to " + max);
    }
  }

  public static void pattern(String member, String value, Pattern pattern) {
    if (value != null && !pattern.matcher(value).matches()) {
      throw failed(member, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
  }

  public static void range(String member, Integer value, int min, int max) {
    if (value == null) {
      return;
    }
    if (value < min) {
      throw failed(member, value.toString(), "Member must have value greater than or equal to " + min);
    }
    if (value > max) {
      throw failed(member, value.toString(), "Member must have value less than or equal to " + max);
    }
  }

  public static void entityName(String member, String value, int maxLength) {
    requireNotNull(member, value);
    length(member, value, 1, maxLength);
    pattern(member, value, NAME);
  }

  /** User, group and role paths: "/" or "/a/b/". */
  public static void path(String member, String value) {
    length(member, value, 1, 512);
    pattern(member, value, PATH);
  }

  public static void policyPath(String member, String value) {
    length(member, value, 1, 512);
    pattern(member, value, POLICY_PATH);
  }

  public static void pathPrefix(String member, String value) {
    length(member, value, 1, 512);
    pattern(member, value, PATH_PREFIX);
  }

  public static void description(String member, String value) {
    length(member, value, 0, 1000);
    pattern(member, value, DESCRIPTION);
  }

  public static RuntimeException failed(String member, String value, String constraint) {
    return IamErrors.validation(
        "1 validation error detected: Value '" + value + "' at '" + memberName(member)
            + "' failed to satisfy constraint: " + constraint);
  }

  /** The case-insensitive key that makes names unique per account. */
  public static String nameKey(String name) {
    return name.toLowerCase(java.util.Locale.ROOT);
  }
}

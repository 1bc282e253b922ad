package dev.onair.ivs.validate;

import dev.onair.ivs.IvsErrors;
import java.util.ArrayList;
import java.util.List;

/** Collects every constraint failure of one request, so that the client sees them all at once as AWS reports. */
public final class Violations {
  private final List<String> messages = new ArrayList<>();

  public void add(String renderedValue, String path, String constraint) {
    messages.add("Value " + renderedValue + " at '" + path + "' failed to satisfy constraint: " + constraint);
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public List<String> messages() {
    return List.copyOf(messages);
  }

  public void throwIfAny() {
    if (!messages.isEmpty()) {
      throw IvsErrors.validation(messages);
    }
  }
}

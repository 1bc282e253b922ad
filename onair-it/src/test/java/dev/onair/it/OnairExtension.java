package dev.onair.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One server process per test class: {@code @RegisterExtension static final OnairExtension ONAIR = new
 * OnairExtension();} then {@code ONAIR.process()}. Its log is printed when the class had a failure, because that
 * is the only place a server-side cause shows up.
 */
public final class OnairExtension implements BeforeAllCallback, AfterAllCallback {
  private final String[] flags;
  private OnairProcess process;

  public OnairExtension(String... flags) {
    this.flags = flags.clone();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    process = OnairProcess.start(flags);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (process != null) {
      if (context.getExecutionException().isPresent()) {
        System.out.println("---- onair log ----\n" + process.log());
      }
      process.close();
    }
  }

  public OnairProcess process() {
    return process;
  }
}

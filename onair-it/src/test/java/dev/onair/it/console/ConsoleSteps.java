package dev.onair.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.OnairProcess;
import org.openqa.selenium.By;

/** The console actions the browser tests repeat: signing in and out. */
final class ConsoleSteps {
  static final String ROOT_PASSWORD = "Onair-Root-Passw0rd!";

  private ConsoleSteps() {}

  static String[] serverFlags() {
    return new String[] {"--root-password", ROOT_PASSWORD};
  }

  static void signInAsRoot(Browser browser) {
    browser.go("/console/signin");
    browser.click("kind-root");
    browser.type("account", OnairProcess.ACCOUNT_ID);
    browser.type("password", ROOT_PASSWORD);
    browser.click("signin-submit");
    assertThat(browser.title()).as("root lands on the console home").isEqualTo("Console Home");
  }

  static void signInAsUser(Browser browser, String userName, String password) {
    browser.go("/console/signin");
    browser.click("kind-iam");
    browser.type("account", OnairProcess.ACCOUNT_ID);
    browser.type("username", userName);
    browser.type("password", password);
    browser.click("signin-submit");
  }

  static void signOut(Browser browser) {
    browser.click(browser.driver().findElement(By.cssSelector("header.top form button")));
    assertThat(browser.path()).isEqualTo("/console/signin");
    assertThat(browser.success()).contains("You have signed out.");
  }
}

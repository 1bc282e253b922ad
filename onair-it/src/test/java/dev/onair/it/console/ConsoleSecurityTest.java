package dev.onair.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The console's defences, against the real server: cookie attributes, CSRF, sign-in throttling, the forced
 * password change, and a secret access key that is shown exactly once.
 */
class ConsoleSecurityTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension(ConsoleSteps.serverFlags());

  private static final String CHANGE_PASSWORD = "arn:aws:iam::aws:policy/IAMUserChangePassword";

  private static void createConsoleUser(String name, String password, boolean resetRequired) {
    try (IamClient iam = Clients.iam(ONAIR.process())) {
      iam.createUser(request -> request.userName(name));
      iam.createLoginProfile(request -> request.userName(name).password(password)
          .passwordResetRequired(resetRequired));
      iam.attachUserPolicy(request -> request.userName(name).policyArn(CHANGE_PASSWORD));
    }
  }

  @Test
  void sessionCookie_isHttpOnlySameSiteStrict_andNoSecretInTheUrl() {
    ConsoleHttp http = new ConsoleHttp(ONAIR.process().endpoint());
    HttpResponse<String> page = http.get("/console/signin");
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/console/");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    HttpResponse<String> signedIn =
        http.signIn("root", OnairProcess.ACCOUNT_ID, null, ConsoleSteps.ROOT_PASSWORD);
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location")).hasValue("/console/");
    String sessionCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    String sessionId = sessionCookie.substring(sessionCookie.indexOf('=') + 1, sessionCookie.indexOf(';'));
    assertThat(sessionId).hasSize(43);
    assertThat(http.get("/console/").body()).doesNotContain(sessionId);
  }

  @Test
  void csrf_postWithoutTheTokenOrFromAnotherOrigin_isRefused() {
    ConsoleHttp http = new ConsoleHttp(ONAIR.process().endpoint());
    http.signIn("root", OnairProcess.ACCOUNT_ID, null, ConsoleSteps.ROOT_PASSWORD);
    String token = ConsoleHttp.csrf(http.get("/console/iam/policies/create").body());
    String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ivs:ListChannels\","
        + "\"Resource\":\"*\"}]}";

    Map<String, String> form = new LinkedHashMap<>(Map.of("document", document, "name", "CsrfProbe"));
    HttpResponse<String> missing = http.post("/console/iam/policies/create", form);
    form.put("csrf", "forged-" + token.substring(7));
    HttpResponse<String> forged = http.post("/console/iam/policies/create", form);
    form.put("csrf", token);
    HttpResponse<String> foreign = http.post("/console/iam/policies/create", form, "Origin", "https://evil.example");

    for (HttpResponse<String> refused : java.util.List.of(missing, forged, foreign)) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("Request refused");
    }
    assertThat(http.get("/console/iam/policies?type=customer").body()).doesNotContain("CsrfProbe");

    HttpResponse<String> genuine = http.post("/console/iam/policies/create", form);
    assertThat(genuine.statusCode()).isEqualTo(303);
    assertThat(http.get("/console/iam/policies?type=customer").body()).contains("Policy CsrfProbe created.");
  }

  @Test
  void signIn_isThrottledAfterRepeatedFailures_forThatUserOnly() {
    createConsoleUser("throttled", "Throttled-Passw0rd!", false);
    createConsoleUser("bystander", "Bystander-Passw0rd!", false);
    ConsoleHttp http = new ConsoleHttp(ONAIR.process().endpoint());
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> failed = http.signIn("iam", OnairProcess.ACCOUNT_ID, "throttled", "wrong-" + i);
      assertThat(failed.statusCode()).isEqualTo(401);
      assertThat(failed.body()).contains("Your authentication information is incorrect. Please try again.");
    }
    HttpResponse<String> paused = http.signIn("iam", OnairProcess.ACCOUNT_ID, "throttled", "Throttled-Passw0rd!");
    assertThat(paused.statusCode()).as("even the right password waits").isEqualTo(429);
    assertThat(paused.body()).contains("Too many failed sign-in attempts");
    assertThat(paused.headers().firstValue("Retry-After")).isPresent();

    HttpResponse<String> other = http.signIn("iam", OnairProcess.ACCOUNT_ID, "bystander", "Bystander-Passw0rd!");
    assertThat(other.statusCode()).isEqualTo(303);

    HttpResponse<String> unknown = new ConsoleHttp(ONAIR.process().endpoint())
        .signIn("iam", OnairProcess.ACCOUNT_ID, "no-such-user", "whatever");
    assertThat(unknown.body()).as("no hint whether the user exists")
        .contains("Your authentication information is incorrect. Please try again.");
  }

  @Test
  void forcedPasswordChange_comesBeforeAnythingElse_andFollowsThePasswordPolicy() {
    createConsoleUser("newcomer", "Initial-Passw0rd!", true);
    try (IamClient iam = Clients.iam(ONAIR.process())) {
      iam.updateAccountPasswordPolicy(request -> request.minimumPasswordLength(14).requireNumbers(true)
          .requireSymbols(true).requireUppercaseCharacters(true).requireLowercaseCharacters(true));
    }
    try (Browser browser = Browser.open(ONAIR.process().endpoint())) {
      ConsoleSteps.signInAsUser(browser, "newcomer", "Initial-Passw0rd!");
      assertThat(browser.path()).isEqualTo("/console/change-password");
      assertThat(browser.bodyText()).contains("At least 14 characters");
      for (String elsewhere : new String[] {"/console/", "/console/iam/users", "/console/ivs/channels"}) {
        browser.go(elsewhere);
        assertThat(browser.path()).as(elsewhere).isEqualTo("/console/change-password");
      }
      browser.type("old-password", "Initial-Passw0rd!");
      browser.type("new-password", "Short1!");
      browser.type("confirm-password", "Short1!");
      browser.click("change-password-submit");
      assertThat(browser.error()).contains("Password should have a minimum length of 14");
      browser.screenshot("security-01-password-policy-violation");
      browser.type("old-password", "Initial-Passw0rd!");
      browser.type("new-password", "A-Much-Longer-Passw0rd!");
      browser.type("confirm-password", "A-Much-Longer-Passw0rd!");
      browser.click("change-password-submit");
      assertThat(browser.success()).contains("Your password has been changed.");
      browser.go("/console/ivs/channels");
      assertThat(browser.path()).isEqualTo("/console/ivs/channels");
      ConsoleSteps.signOut(browser);
      ConsoleSteps.signInAsUser(browser, "newcomer", "A-Much-Longer-Passw0rd!");
      assertThat(browser.title()).as("no second forced change").isEqualTo("Console Home");
    } finally {
      try (IamClient iam = Clients.iam(ONAIR.process())) {
        iam.deleteAccountPasswordPolicy();
      }
    }
  }

  @Test
  void secretAccessKey_isShownOnce_andNeverAgain() {
    try (IamClient iam = Clients.iam(ONAIR.process())) {
      iam.createUser(request -> request.userName("key-holder"));
    }
    try (Browser browser = Browser.open(ONAIR.process().endpoint())) {
      ConsoleSteps.signInAsRoot(browser);
      browser.go("/console/iam/users/key-holder?tab=security_credentials");
      browser.click("create-access-key");
      browser.click("confirm-understand");
      browser.type("description", "console test");
      browser.click("access-key-create");
      assertThat(browser.title()).isEqualTo("Retrieve access keys");
      assertThat(browser.bodyText()).contains("This is the only time that the secret access key can be viewed or downloaded");
      String keyId = browser.byId("reveal-access-key-id").getText();
      String secret = browser.byId("reveal-secret-access-key").getAttribute("value");
      assertThat(keyId).startsWith("AKIA");
      assertThat(secret).hasSize(40);
      browser.screenshot("security-02-retrieve-access-keys");
      String revealUrl = browser.driver().getCurrentUrl();

      browser.driver().navigate().refresh();
      assertThat(browser.title()).isEqualTo("Secret no longer available");
      assertThat(browser.source()).doesNotContain(secret);
      browser.screenshot("security-03-secret-not-shown-again");
      browser.go("/console/iam/users/key-holder?tab=security_credentials");
      assertThat(browser.bodyText()).contains(keyId).contains("Active");
      assertThat(browser.source()).doesNotContain(secret);
      browser.driver().get(revealUrl);
      assertThat(browser.source()).doesNotContain(secret);

      try (StsClient sts = Clients.sts(ONAIR.process(), AwsBasicCredentials.create(keyId, secret))) {
        assertThat(sts.getCallerIdentity().arn()).endsWith(":user/key-holder");
      }

      // make inactive, then delete
      browser.go("/console/iam/users/key-holder?tab=security_credentials");
      browser.click(browser.driver().findElement(By.xpath("//button[text()='Deactivate']")));
      assertThat(browser.success()).contains("is now inactive");
      browser.click(browser.driver().findElement(By.xpath("//button[text()='Delete']")));
      assertThat(browser.success()).contains("deleted");
      assertThat(browser.bodyText()).doesNotContain(keyId + "\n");
    }
  }
}

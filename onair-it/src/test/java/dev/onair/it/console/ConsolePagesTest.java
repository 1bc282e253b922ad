package dev.onair.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The pages around the seed's steps: groups, roles (the IVS service-linked role appears once a recording
 * configuration exists), policy details, account settings, the other IVS resources; and for every page, that it
 * fits 1280 px and labels every control.
 */
class ConsolePagesTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension(ConsoleSteps.serverFlags());

  private static final List<String> PAGES = List.of(
      "/console/", "/console/iam/users", "/console/iam/users/create", "/console/iam/groups", "/console/iam/roles",
      "/console/iam/policies", "/console/iam/policies/create", "/console/iam/account-settings",
      "/console/iam/users/admin", "/console/iam/users/admin?tab=security_credentials",
      "/console/iam/policies/details?arn=arn:aws:iam::aws:policy/IVSFullAccess",
      "/console/ivs/channels", "/console/ivs/channels/create", "/console/ivs/recording-configurations",
      "/console/ivs/playback-keys", "/console/ivs/playback-restriction-policies");

  @Test
  void everyPage_fits1280_andLabelsEveryControl() {
    try (Browser browser = Browser.open(ONAIR.process().endpoint())) {
      browser.go("/console/signin");
      assertThat(unlabelled(browser)).as("sign-in page").isEmpty();
      ConsoleSteps.signInAsRoot(browser);
      for (String page : PAGES) {
        browser.go(page);
        assertThat(browser.error()).as(page).isEmpty();
        assertThat(browser.scrollsHorizontally()).as(page + " scrolls horizontally at 1280 px").isFalse();
        assertThat(unlabelled(browser)).as(page + " has controls without a label").isEmpty();
        assertThat(browser.driver().findElements(By.tagName("h1"))).as(page).hasSize(1);
      }
    }
  }

  @Test
  void groupsRolesAndTheIvsServiceLinkedRole() {
    try (IamClient iam = Clients.iam(ONAIR.process())) {
      iam.createGroup(request -> request.groupName("streamers"));
      iam.addUserToGroup(request -> request.groupName("streamers").userName("admin"));
      iam.attachGroupPolicy(request -> request.groupName("streamers")
          .policyArn("arn:aws:iam::aws:policy/IVSReadOnlyAccess"));
    }
    try (S3Client s3 = S3Client.builder().endpointOverride(ONAIR.process().endpoint()).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(Clients.admin()))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      s3.createBucket(request -> request.bucket("console-recordings"));
    }
    try (Browser browser = Browser.open(ONAIR.process().endpoint())) {
      ConsoleSteps.signInAsRoot(browser);
      browser.go("/console/iam/groups");
      browser.click(browser.driver().findElement(By.linkText("streamers")));
      assertThat(browser.bodyText()).contains("admin").contains("IVSReadOnlyAccess");
      browser.screenshot("pages-01-group-details");

      browser.go("/console/ivs/recording-configurations");
      browser.type("recording-name", "console-recording");
      browser.type("recording-bucket", "console-recordings");
      browser.click("recording-create");
      assertThat(browser.error()).isEmpty();
      assertThat(browser.bodyText()).contains("console-recording");
      browser.screenshot("pages-02-recording-configurations");

      browser.go("/console/iam/roles");
      assertThat(browser.bodyText()).contains("AWSServiceRoleForIVSRecordToS3")
          .contains("AWS Service: ivs (Service-Linked Role)");
      browser.screenshot("pages-03-roles-with-ivs-service-linked-role");
      browser.click(browser.driver().findElement(By.linkText("AWSServiceRoleForIVSRecordToS3")));
      assertThat(browser.bodyText()).contains("ivs.amazonaws.com").contains("IVSRecordToS3");
      browser.screenshot("pages-04-service-linked-role-details");

      browser.go("/console/ivs/channels/create");
      browser.type("channel-name", "recorded");
      assertThat(browser.bodyText()).contains("console-recording");
      new org.openqa.selenium.support.ui.Select(browser.byId("channel-recording"))
          .selectByVisibleText(browser.byId("channel-recording").findElements(By.tagName("option")).get(1).getText());
      new org.openqa.selenium.support.ui.Select(browser.byId("channel-type")).selectByValue("BASIC");
      browser.click("channel-authorized");
      browser.click("channel-create");
      assertThat(browser.success()).contains("Channel recorded created.");
      assertThat(browser.bodyText()).contains("Basic").contains(":recording-configuration/");
      browser.screenshot("pages-05-channel-with-recording");

      browser.go("/console/iam/policies/details?arn=arn:aws:iam::aws:policy/IVSFullAccess");
      assertThat(browser.byId("policy-json").getText()).contains("\"ivs:*\"");
      assertThat(browser.bodyText()).contains("Policy versions").contains("(Default)");
      browser.screenshot("pages-06-policy-details");

      browser.go("/console/iam/account-settings");
      browser.type("min-length", "12");
      browser.click("pp-RequireNumbers");
      browser.click("password-policy-save");
      assertThat(browser.success()).contains("Password policy updated.");
      assertThat(browser.bodyText()).contains("12 characters");
      browser.screenshot("pages-07-account-password-policy");

      // the alias set here signs the root user in instead of the account id
      browser.type("account-alias", "onair-console-test");
      browser.click("alias-save");
      assertThat(browser.success()).contains("Account alias onair-console-test saved.");
      ConsoleSteps.signOut(browser);
      browser.go("/console/signin");
      browser.click("kind-root");
      browser.type("account", "onair-console-test");
      browser.type("password", ConsoleSteps.ROOT_PASSWORD);
      browser.click("signin-submit");
      assertThat(browser.title()).isEqualTo("Console Home");
      assertThat(browser.driver().findElement(By.cssSelector("[data-testid=identity]")).getText()).isEqualTo("root @ onair-console-test");
    }
  }

  /** Visible inputs, selects and text areas with no label[for], aria-label or aria-labelledby. */
  @SuppressWarnings("unchecked")
  private static List<String> unlabelled(Browser browser) {
    return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
        "return Array.from(document.querySelectorAll('input, select, textarea'))"
            + ".filter(function (e) { return e.type !== 'hidden' && e.offsetParent !== null; })"
            + ".filter(function (e) { return !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')"
            + "  && !(e.id && document.querySelector('label[for=\"' + e.id + '\"]')); })"
            + ".map(function (e) { return e.outerHTML; });");
  }
}

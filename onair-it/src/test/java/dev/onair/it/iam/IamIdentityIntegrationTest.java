package dev.onair.it.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** Users and access keys through the AWS SDK for Java v2, including the authentication failures. */
class IamIdentityIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();
  static IamClient iam;

  @BeforeAll
  static void clients() {
    iam = IamClients.iam(ONAIR.process().endpoint(),
        IamClients.basic(OnairProcess.ADMIN_ACCESS_KEY_ID, OnairProcess.ADMIN_SECRET_ACCESS_KEY));
  }

  @AfterAll
  static void close() {
    iam.close();
  }

  @Test
  void createUser_getUser_roundTrip() {
    User created = iam.createUser(b -> b.userName("it-alice").path("/it/")
        .tags(t -> t.key("team").value("blue"))).user();
    assertThat(created.userId()).matches("AIDA[A-Z0-9]{17}");
    assertThat(created.arn()).isEqualTo("arn:aws:iam::123456789012:user/it/it-alice");
    User fetched = iam.getUser(b -> b.userName("IT-ALICE")).user();
    assertThat(fetched.userId()).isEqualTo(created.userId());
    assertThat(fetched.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=blue");
    assertThat(iam.getUser().user().userName()).isEqualTo("admin");
  }

  @Test
  void createUser_duplicateNameInOtherCase_isEntityAlreadyExists() {
    iam.createUser(b -> b.userName("it-dup"));
    assertThatThrownBy(() -> iam.createUser(b -> b.userName("IT-DUP")))
        .isInstanceOf(EntityAlreadyExistsException.class)
        .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(409));
  }

  @Test
  void getUser_unknown_isNoSuchEntity() {
    assertThatThrownBy(() -> iam.getUser(b -> b.userName("it-nobody")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageContaining("The user with name it-nobody cannot be found.");
  }

  @Test
  void listUsers_pagesWithMarker() {
    for (int i = 0; i < 7; i++) {
      int n = i;
      iam.createUser(b -> b.userName("it-page-" + n).path("/paging/"));
    }
    List<String> names = new ArrayList<>();
    int pages = 0;
    String marker = null;
    do {
      String current = marker;
      var page = iam.listUsers(b -> b.pathPrefix("/paging/").maxItems(3).marker(current));
      page.users().forEach(u -> names.add(u.userName()));
      marker = page.isTruncated() ? page.marker() : null;
      pages++;
    } while (marker != null);
    assertThat(pages).isEqualTo(3);
    assertThat(names).hasSize(7).doesNotHaveDuplicates();
    assertThat(iam.listUsersPaginator(b -> b.pathPrefix("/paging/").maxItems(2)).users()).hasSize(7);
  }

  @Test
  void accessKeys_lifecycleAndAuthenticationFailures() {
    iam.createUser(b -> b.userName("it-keys"));
    AccessKey first = iam.createAccessKey(b -> b.userName("it-keys")).accessKey();
    assertThat(first.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
    assertThat(first.secretAccessKey()).hasSize(40);
    AccessKey second = iam.createAccessKey(b -> b.userName("it-keys")).accessKey();
    assertThatThrownBy(() -> iam.createAccessKey(b -> b.userName("it-keys")))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("Cannot exceed quota for AccessKeysPerUser: 2");
    assertThat(iam.listAccessKeys(b -> b.userName("it-keys")).accessKeyMetadata()).hasSize(2);

    try (StsClient asUser = IamClients.sts(ONAIR.process().endpoint(),
        IamClients.basic(first.accessKeyId(), first.secretAccessKey()))) {
      assertThat(asUser.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:user/it-keys");
    }
    try (StsClient wrongSecret = IamClients.sts(ONAIR.process().endpoint(),
        IamClients.basic(first.accessKeyId(), "x" + first.secretAccessKey().substring(1)))) {
      assertThatThrownBy(wrongSecret::getCallerIdentity).isInstanceOf(StsException.class)
          .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
              .isEqualTo("SignatureDoesNotMatch"));
    }
    iam.updateAccessKey(b -> b.userName("it-keys").accessKeyId(first.accessKeyId()).status(StatusType.INACTIVE));
    try (StsClient inactive = IamClients.sts(ONAIR.process().endpoint(),
        IamClients.basic(first.accessKeyId(), first.secretAccessKey()))) {
      assertThatThrownBy(inactive::getCallerIdentity).isInstanceOf(StsException.class)
          .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
              .isEqualTo("InvalidClientTokenId"));
    }
    iam.deleteAccessKey(b -> b.userName("it-keys").accessKeyId(second.accessKeyId()));
    try (StsClient deleted = IamClients.sts(ONAIR.process().endpoint(),
        IamClients.basic(second.accessKeyId(), second.secretAccessKey()))) {
      assertThatThrownBy(deleted::getCallerIdentity).isInstanceOf(StsException.class)
          .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
              .isEqualTo("InvalidClientTokenId"));
    }
    var lastUsed = iam.getAccessKeyLastUsed(b -> b.accessKeyId(first.accessKeyId()));
    assertThat(lastUsed.userName()).isEqualTo("it-keys");
    assertThat(lastUsed.accessKeyLastUsed().serviceName()).isEqualTo("sts");
  }

  @Test
  void groups_membershipAndDeleteConflict() {
    iam.createUser(b -> b.userName("it-member"));
    iam.createGroup(b -> b.groupName("it-group"));
    iam.addUserToGroup(b -> b.groupName("it-group").userName("it-member"));
    assertThat(iam.getGroup(b -> b.groupName("it-group")).users()).extracting(User::userName)
        .containsExactly("it-member");
    assertThat(iam.listGroupsForUser(b -> b.userName("it-member")).groups()).hasSize(1);
    assertThatThrownBy(() -> iam.deleteGroup(b -> b.groupName("it-group")))
        .isInstanceOf(software.amazon.awssdk.services.iam.model.DeleteConflictException.class);
    iam.removeUserFromGroup(b -> b.groupName("it-group").userName("it-member"));
    iam.deleteGroup(b -> b.groupName("it-group"));
  }

  @Test
  void loginProfile_passwordPolicyAndAccount() {
    iam.createUser(b -> b.userName("it-console"));
    iam.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(14).requireSymbols(true));
    assertThatThrownBy(() -> iam.createLoginProfile(b -> b.userName("it-console").password("Short-1")))
        .isInstanceOf(software.amazon.awssdk.services.iam.model.PasswordPolicyViolationException.class);
    iam.createLoginProfile(b -> b.userName("it-console").password("A-long-enough-passw0rd").passwordResetRequired(true));
    assertThat(iam.getLoginProfile(b -> b.userName("it-console")).loginProfile().passwordResetRequired()).isTrue();
    assertThat(iam.getAccountPasswordPolicy().passwordPolicy().minimumPasswordLength()).isEqualTo(14);
    iam.deleteAccountPasswordPolicy();
    iam.createAccountAlias(b -> b.accountAlias("onair-it"));
    assertThat(iam.listAccountAliases().accountAliases()).containsExactly("onair-it");
    assertThat(iam.getAccountSummary().summaryMapAsStrings()).containsKey("Users");
  }
}

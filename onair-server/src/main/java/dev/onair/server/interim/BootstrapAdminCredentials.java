package dev.onair.server.interim;

import dev.onair.iam.auth.CredentialResolver;
import dev.onair.iam.auth.NamedPolicyDocument;
import dev.onair.iam.auth.PrincipalPolicies;
import dev.onair.iam.auth.PrincipalPolicyResolver;
import dev.onair.iam.auth.ResolvedCredential;
import dev.onair.protocol.Caller;
import dev.onair.protocol.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stand-in until the IAM store is wired: knows only the operator's admin key from the configuration, as the IAM
 * user {@code admin} with an allow-all policy. Replaced by the IAM module's resolvers in {@code Onair}; kept small
 * so that the front door can be exercised end to end before then.
 */
public final class BootstrapAdminCredentials implements CredentialResolver, PrincipalPolicyResolver {
  private static final String ALLOW_ALL =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private final String accessKeyId;
  private final Secret secret;
  private final Caller admin;

  public BootstrapAdminCredentials(String accountId, String accessKeyId, Secret secret) {
    this.accessKeyId = accessKeyId;
    this.secret = secret;
    this.admin =
        new Caller(
            Caller.CallerType.USER,
            accountId,
            "arn:aws:iam::" + accountId + ":user/admin",
            "AIDAONAIRBOOTSTRAPADMIN",
            "admin",
            accessKeyId,
            null,
            null,
            null,
            Map.of());
  }

  @Override
  public Optional<ResolvedCredential> resolve(String candidate) {
    if (accessKeyId == null || !accessKeyId.equals(candidate)) {
      return Optional.empty();
    }
    return Optional.of(new ResolvedCredential(admin, secret, true, null, null));
  }

  @Override
  public void recordUse(String key, String serviceName, String region, Instant when) {}

  @Override
  public PrincipalPolicies policiesFor(Caller caller) {
    if (caller.arn().equals(admin.arn())) {
      return new PrincipalPolicies(
          List.of(new NamedPolicyDocument("arn:aws:iam::aws:policy/AdministratorAccess", ALLOW_ALL)),
          null,
          List.of(),
          false);
    }
    return new PrincipalPolicies(List.of(), null, List.of(), caller.type() == Caller.CallerType.ROOT);
  }

  @Override
  public long generation() {
    return 0;
  }
}

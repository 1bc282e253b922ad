package dev.onair.console.session;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.Caller;

/**
 * Who a session belongs to after sign-in.
 *
 * @param accountLabel what the user typed to name the account (id or alias), shown in the header
 * @param userName the IAM user's name; null for the root user
 */
public record SignedIn(Caller caller, String accountLabel, String userName) {
  public SignedIn {
    requireNonNull(caller, "caller is null");
    requireNonNull(accountLabel, "accountLabel is null");
  }

  public boolean root() {
    return caller.type() == Caller.CallerType.ROOT;
  }

  public String displayName() {
    return root() ? "root" : userName;
  }
}

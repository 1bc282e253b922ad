package dev.onair.iam;

import static dev.onair.iam.IamOperations.accountWide;
import static dev.onair.iam.IamOperations.boundaryKey;
import static dev.onair.iam.IamOperations.policyArnKey;

import dev.onair.iam.model.Arns;
import dev.onair.protocol.AuthorizationCheck;
import java.util.List;

/**
 * The operations beyond users and access keys, declared the same way as in {@link IamOperations}: each with its
 * IAM action, resource ARN and condition keys.
 */
final class IamOperationsMore {
  private IamOperationsMore() {}

  static void register(IamOperations ops, IamService service, IamChecks checks) {
    groups(ops, service.groups(), checks);
    roles(ops, service.roles(), checks);
    policies(ops, service.policies(), checks);
    inline(ops, service.inlinePolicies(), checks);
    attachments(ops, service.attachments(), checks);
    passwords(ops, service.loginProfiles(), checks);
    account(ops, service.account());
    simulation(ops, service.simulation());
  }

  private static void groups(IamOperations ops, GroupService groups, IamChecks checks) {
    ops.add("CreateGroup", (c, in) -> List.of(IamChecks.check("iam:CreateGroup", Arns.group(c.accountId(),
        in.string("Path") == null ? "/" : in.string("Path"), String.valueOf(in.string("GroupName"))))),
        groups::createGroup);
    ops.add("GetGroup", (c, in) -> List.of(checks.group(c, "iam:GetGroup", in)), groups::getGroup);
    ops.add("ListGroups", (c, in) -> List.of(accountWide(c, "iam:ListGroups", "group")), groups::listGroups);
    ops.add("UpdateGroup", (c, in) -> List.of(checks.group(c, "iam:UpdateGroup", in)), groups::updateGroup);
    ops.add("DeleteGroup", (c, in) -> List.of(checks.group(c, "iam:DeleteGroup", in)), groups::deleteGroup);
    ops.add("AddUserToGroup", (c, in) -> List.of(checks.group(c, "iam:AddUserToGroup", in)),
        groups::addUserToGroup);
    ops.add("RemoveUserFromGroup", (c, in) -> List.of(checks.group(c, "iam:RemoveUserFromGroup", in)),
        groups::removeUserFromGroup);
    ops.add("ListGroupsForUser", (c, in) -> List.of(checks.user(c, "iam:ListGroupsForUser", in)),
        groups::listGroupsForUser);
  }

  private static void roles(IamOperations ops, RoleService roles, IamChecks checks) {
    ops.add("CreateRole", (c, in) -> {
      AuthorizationCheck check = IamChecks.check("iam:CreateRole", Arns.role(c.accountId(),
          in.string("Path") == null ? "/" : in.string("Path"), String.valueOf(in.string("RoleName"))));
      return List.of(IamChecks.withRequestTags(boundaryKey(check, in), in));
    }, roles::createRole);
    ops.add("GetRole", (c, in) -> List.of(checks.role(c, "iam:GetRole", in)), roles::getRole);
    ops.add("ListRoles", (c, in) -> List.of(accountWide(c, "iam:ListRoles", "role")), roles::listRoles);
    ops.add("UpdateRole", (c, in) -> List.of(checks.role(c, "iam:UpdateRole", in)), roles::updateRole);
    ops.add("UpdateRoleDescription", (c, in) -> List.of(checks.role(c, "iam:UpdateRoleDescription", in)),
        roles::updateRoleDescription);
    ops.add("UpdateAssumeRolePolicy", (c, in) -> List.of(checks.role(c, "iam:UpdateAssumeRolePolicy", in)),
        roles::updateAssumeRolePolicy);
    ops.add("DeleteRole", (c, in) -> List.of(checks.role(c, "iam:DeleteRole", in)), roles::deleteRole);
    ops.add("TagRole", (c, in) -> List.of(IamChecks.withRequestTags(checks.role(c, "iam:TagRole", in), in)),
        roles::tagRole);
    ops.add("UntagRole", (c, in) -> List.of(IamChecks.withTagKeys(checks.role(c, "iam:UntagRole", in), in)),
        roles::untagRole);
    ops.add("ListRoleTags", (c, in) -> List.of(checks.role(c, "iam:ListRoleTags", in)), roles::listRoleTags);
    ops.add("PutRolePermissionsBoundary", (c, in) -> List.of(boundaryKey(
        checks.role(c, "iam:PutRolePermissionsBoundary", in), in)), roles::putRolePermissionsBoundary);
    ops.add("DeleteRolePermissionsBoundary",
        (c, in) -> List.of(checks.role(c, "iam:DeleteRolePermissionsBoundary", in)),
        roles::deleteRolePermissionsBoundary);
    ops.add("CreateServiceLinkedRole", (c, in) -> {
      String service = String.valueOf(in.string("AWSServiceName"));
      return List.of(IamChecks.check("iam:CreateServiceLinkedRole",
          RoleService.serviceLinkedRoleArn(c.accountId(), service)).withKey("iam:AWSServiceName", service));
    }, roles::createServiceLinkedRole);
    ops.add("DeleteServiceLinkedRole", (c, in) -> List.of(checks.role(c, "iam:DeleteServiceLinkedRole", in)),
        roles::deleteServiceLinkedRole);
    ops.add("GetServiceLinkedRoleDeletionStatus", (c, in) -> List.of(IamChecks.check(
        "iam:GetServiceLinkedRoleDeletionStatus", "arn:aws:iam::" + c.accountId() + ":role/")),
        roles::getServiceLinkedRoleDeletionStatus);
  }

  private static void policies(IamOperations ops, PolicyService policies, IamChecks checks) {
    ops.add("CreatePolicy", (c, in) -> {
      String path = in.string("Path") == null ? "/" : in.string("Path");
      AuthorizationCheck check = IamChecks.check("iam:CreatePolicy",
          Arns.policy(c.accountId(), path, String.valueOf(in.string("PolicyName"))));
      return List.of(IamChecks.withRequestTags(check, in));
    }, policies::createPolicy);
    ops.add("GetPolicy", (c, in) -> List.of(checks.policy(c, "iam:GetPolicy", in)), policies::getPolicy);
    ops.add("DeletePolicy", (c, in) -> List.of(checks.policy(c, "iam:DeletePolicy", in)), policies::deletePolicy);
    ops.add("ListPolicies", (c, in) -> List.of(accountWide(c, "iam:ListPolicies", "policy")),
        policies::listPolicies);
    ops.add("CreatePolicyVersion", (c, in) -> List.of(checks.policy(c, "iam:CreatePolicyVersion", in)),
        policies::createPolicyVersion);
    ops.add("GetPolicyVersion", (c, in) -> List.of(checks.policy(c, "iam:GetPolicyVersion", in)),
        policies::getPolicyVersion);
    ops.add("DeletePolicyVersion", (c, in) -> List.of(checks.policy(c, "iam:DeletePolicyVersion", in)),
        policies::deletePolicyVersion);
    ops.add("ListPolicyVersions", (c, in) -> List.of(checks.policy(c, "iam:ListPolicyVersions", in)),
        policies::listPolicyVersions);
    ops.add("SetDefaultPolicyVersion", (c, in) -> List.of(checks.policy(c, "iam:SetDefaultPolicyVersion", in)),
        policies::setDefaultPolicyVersion);
    ops.add("ListEntitiesForPolicy", (c, in) -> List.of(checks.policy(c, "iam:ListEntitiesForPolicy", in)),
        policies::listEntitiesForPolicy);
    ops.add("TagPolicy", (c, in) -> List.of(IamChecks.withRequestTags(checks.policy(c, "iam:TagPolicy", in), in)),
        policies::tagPolicy);
    ops.add("UntagPolicy", (c, in) -> List.of(IamChecks.withTagKeys(checks.policy(c, "iam:UntagPolicy", in), in)),
        policies::untagPolicy);
    ops.add("ListPolicyTags", (c, in) -> List.of(checks.policy(c, "iam:ListPolicyTags", in)),
        policies::listPolicyTags);
  }

  private static void inline(IamOperations ops, InlinePolicyService inline, IamChecks checks) {
    ops.add("PutUserPolicy", (c, in) -> List.of(checks.user(c, "iam:PutUserPolicy", in)), inline::putUserPolicy);
    ops.add("GetUserPolicy", (c, in) -> List.of(checks.user(c, "iam:GetUserPolicy", in)), inline::getUserPolicy);
    ops.add("DeleteUserPolicy", (c, in) -> List.of(checks.user(c, "iam:DeleteUserPolicy", in)),
        inline::deleteUserPolicy);
    ops.add("ListUserPolicies", (c, in) -> List.of(checks.user(c, "iam:ListUserPolicies", in)),
        inline::listUserPolicies);
    ops.add("PutGroupPolicy", (c, in) -> List.of(checks.group(c, "iam:PutGroupPolicy", in)),
        inline::putGroupPolicy);
    ops.add("GetGroupPolicy", (c, in) -> List.of(checks.group(c, "iam:GetGroupPolicy", in)),
        inline::getGroupPolicy);
    ops.add("DeleteGroupPolicy", (c, in) -> List.of(checks.group(c, "iam:DeleteGroupPolicy", in)),
        inline::deleteGroupPolicy);
    ops.add("ListGroupPolicies", (c, in) -> List.of(checks.group(c, "iam:ListGroupPolicies", in)),
        inline::listGroupPolicies);
    ops.add("PutRolePolicy", (c, in) -> List.of(checks.role(c, "iam:PutRolePolicy", in)), inline::putRolePolicy);
    ops.add("GetRolePolicy", (c, in) -> List.of(checks.role(c, "iam:GetRolePolicy", in)), inline::getRolePolicy);
    ops.add("DeleteRolePolicy", (c, in) -> List.of(checks.role(c, "iam:DeleteRolePolicy", in)),
        inline::deleteRolePolicy);
    ops.add("ListRolePolicies", (c, in) -> List.of(checks.role(c, "iam:ListRolePolicies", in)),
        inline::listRolePolicies);
  }

  private static void attachments(IamOperations ops, AttachmentService attach, IamChecks checks) {
    ops.add("AttachUserPolicy", (c, in) -> List.of(policyArnKey(checks.user(c, "iam:AttachUserPolicy", in), in)),
        attach::attachUserPolicy);
    ops.add("DetachUserPolicy", (c, in) -> List.of(policyArnKey(checks.user(c, "iam:DetachUserPolicy", in), in)),
        attach::detachUserPolicy);
    ops.add("ListAttachedUserPolicies", (c, in) -> List.of(checks.user(c, "iam:ListAttachedUserPolicies", in)),
        attach::listAttachedUserPolicies);
    ops.add("AttachGroupPolicy",
        (c, in) -> List.of(policyArnKey(checks.group(c, "iam:AttachGroupPolicy", in), in)),
        attach::attachGroupPolicy);
    ops.add("DetachGroupPolicy",
        (c, in) -> List.of(policyArnKey(checks.group(c, "iam:DetachGroupPolicy", in), in)),
        attach::detachGroupPolicy);
    ops.add("ListAttachedGroupPolicies", (c, in) -> List.of(checks.group(c, "iam:ListAttachedGroupPolicies", in)),
        attach::listAttachedGroupPolicies);
    ops.add("AttachRolePolicy", (c, in) -> List.of(policyArnKey(checks.role(c, "iam:AttachRolePolicy", in), in)),
        attach::attachRolePolicy);
    ops.add("DetachRolePolicy", (c, in) -> List.of(policyArnKey(checks.role(c, "iam:DetachRolePolicy", in), in)),
        attach::detachRolePolicy);
    ops.add("ListAttachedRolePolicies", (c, in) -> List.of(checks.role(c, "iam:ListAttachedRolePolicies", in)),
        attach::listAttachedRolePolicies);
  }

  private static void passwords(IamOperations ops, LoginProfileService profiles, IamChecks checks) {
    ops.add("CreateLoginProfile", (c, in) -> List.of(checks.implicitUser(c, "iam:CreateLoginProfile", in)),
        profiles::createLoginProfile);
    ops.add("GetLoginProfile", (c, in) -> List.of(checks.implicitUser(c, "iam:GetLoginProfile", in)),
        profiles::getLoginProfile);
    ops.add("UpdateLoginProfile", (c, in) -> List.of(checks.implicitUser(c, "iam:UpdateLoginProfile", in)),
        profiles::updateLoginProfile);
    ops.add("DeleteLoginProfile", (c, in) -> List.of(checks.implicitUser(c, "iam:DeleteLoginProfile", in)),
        profiles::deleteLoginProfile);
    ops.add("ChangePassword", (c, in) -> List.of(IamChecks.check("iam:ChangePassword", c.caller().arn())),
        profiles::changePassword);
    ops.add("UpdateAccountPasswordPolicy", (c, in) -> List.of(IamChecks.check("iam:UpdateAccountPasswordPolicy",
        "*")), profiles::updateAccountPasswordPolicy);
    ops.add("GetAccountPasswordPolicy", (c, in) -> List.of(IamChecks.check("iam:GetAccountPasswordPolicy", "*")),
        profiles::getAccountPasswordPolicy);
    ops.add("DeleteAccountPasswordPolicy", (c, in) -> List.of(IamChecks.check("iam:DeleteAccountPasswordPolicy",
        "*")), profiles::deleteAccountPasswordPolicy);
  }

  private static void account(IamOperations ops, AccountService account) {
    ops.add("GetAccountSummary", (c, in) -> List.of(IamChecks.check("iam:GetAccountSummary", "*")),
        account::getAccountSummary);
    ops.add("CreateAccountAlias", (c, in) -> List.of(IamChecks.check("iam:CreateAccountAlias", "*")),
        account::createAccountAlias);
    ops.add("DeleteAccountAlias", (c, in) -> List.of(IamChecks.check("iam:DeleteAccountAlias", "*")),
        account::deleteAccountAlias);
    ops.add("ListAccountAliases", (c, in) -> List.of(IamChecks.check("iam:ListAccountAliases", "*")),
        account::listAccountAliases);
    ops.add("GetAccountAuthorizationDetails",
        (c, in) -> List.of(IamChecks.check("iam:GetAccountAuthorizationDetails", "*")),
        account::getAccountAuthorizationDetails);
  }

  private static void simulation(IamOperations ops, SimulationService simulation) {
    ops.add("SimulatePrincipalPolicy", (c, in) -> List.of(IamChecks.check("iam:SimulatePrincipalPolicy",
        in.string("PolicySourceArn") == null ? "*" : in.string("PolicySourceArn"))),
        simulation::simulatePrincipalPolicy);
    ops.add("SimulateCustomPolicy", (c, in) -> List.of(IamChecks.check("iam:SimulateCustomPolicy", "*")),
        simulation::simulateCustomPolicy);
  }
}

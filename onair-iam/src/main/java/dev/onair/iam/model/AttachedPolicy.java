package dev.onair.iam.model;

public record AttachedPolicy(String policyName, String policyArn) {}

package dev.onair.policy.bench;

import dev.onair.policy.AttachedPolicy;
import dev.onair.policy.AuthorizationRequest;
import dev.onair.policy.CompiledPolicySet;
import dev.onair.policy.Decision;
import dev.onair.policy.EvaluationResult;
import dev.onair.policy.PolicyEvaluator;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicyParser;
import dev.onair.policy.PolicySet;
import dev.onair.policy.PrincipalInfo;
import dev.onair.policy.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Decisions per second on one core for a principal with 10 managed and 5 inline policies (100 statements, mixed
 * wildcards, NotAction, variables and conditions). Run: {@code PolicyEvaluationBenchmark.main} (see docs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PolicyEvaluationBenchmark {
    private static final String ACCOUNT = "123456789012";
    private static final String[] SERVICES = {"ivs", "s3", "cloudwatch", "servicequotas", "ssm", "sqs", "logs",
        "ec2", "kms", "sns"};

    private CompiledPolicySet policies;
    private AuthorizationRequest allowRequest;
    private AuthorizationRequest denyRequest;
    private AuthorizationRequest implicitRequest;

    @Setup
    public void setUp() {
        List<AttachedPolicy> attached = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attached.add(policy("arn:aws:iam::" + ACCOUNT + ":policy/managed" + i, managedStatements(i)));
        }
        for (int i = 0; i < 5; i++) {
            attached.add(policy("inline" + i, inlineStatements(i)));
        }
        policies = PolicySet.of(attached).compile();
        if (policies.statementCount() != 100) {
            throw new IllegalStateException("expected 100 statements, got " + policies.statementCount());
        }
        PrincipalInfo alice = PrincipalInfo.user("arn:aws:iam::" + ACCOUNT + ":user/alice", ACCOUNT, "alice",
                "AIDAALICE", Map.of("team", "blue"));
        RequestContext context = RequestContext.builder()
                .put("aws:SecureTransport", "true").put("aws:SourceIp", "203.0.113.10")
                .put("aws:CurrentTime", "2026-06-01T12:00:00Z").put("aws:RequestedRegion", "us-east-1")
                .put("aws:ResourceTag/team", "blue").put("aws:UserAgent", "aws-cli/2").build();
        allowRequest = new AuthorizationRequest(alice, "ivs:GetChannel",
                "arn:aws:ivs:us-east-1:" + ACCOUNT + ":channel/AbCdEfGhIjKl", context);
        denyRequest = new AuthorizationRequest(alice, "ivs:DeleteChannel",
                "arn:aws:ivs:us-east-1:" + ACCOUNT + ":channel/AbCdEfGhIjKl", context);
        implicitRequest = new AuthorizationRequest(alice, "ec2:TerminateInstances",
                "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/i-1", context);
        check(allowRequest, Decision.ALLOW);
        check(denyRequest, Decision.EXPLICIT_DENY);
        check(implicitRequest, Decision.IMPLICIT_DENY);
    }

    private void check(AuthorizationRequest request, Decision expected) {
        Decision actual = PolicyEvaluator.evaluate(policies, request, Optional.empty()).decision();
        if (actual != expected) {
            throw new IllegalStateException(request.action() + ": expected " + expected + " got " + actual);
        }
    }

    private static AttachedPolicy policy(String name, List<String> statements) {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
        return new AttachedPolicy(name, PolicyParser.parse(json, PolicyKind.IDENTITY));
    }

    /** Seven statements per managed policy: wildcards, exact names, NotAction, resource variables, conditions. */
    private static List<String> managedStatements(int i) {
        String service = SERVICES[i];
        String other = SERVICES[(i + 3) % SERVICES.length];
        return List.of(
                "{\"Effect\":\"Allow\",\"Action\":[\"" + service + ":Describe*\",\"" + service + ":List*\"],\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":\"" + service + ":Get*\",\"Resource\":\"arn:aws:" + service
                        + ":*:" + ACCOUNT + ":thing" + i + "/*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}}",
                "{\"Effect\":\"Allow\",\"Action\":[\"" + other + ":Put*\",\"" + other + ":Create*\"],\"Resource\":\"arn:aws:"
                        + other + ":*:" + ACCOUNT + ":user/${aws:username}/*\"}",
                "{\"Effect\":\"Deny\",\"Action\":\"" + service + ":*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}",
                "{\"Effect\":\"Allow\",\"Action\":\"" + service + ":Tag*\",\"Resource\":\"*\",\"Condition\":{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"env\"]}}}",
                "{\"Effect\":\"Deny\",\"Action\":\"" + other + ":Delete*\",\"Resource\":\"*\",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"2001:db8::/32\"]}}}",
                "{\"Effect\":\"Allow\",\"Action\":\"" + service + ":Update" + i + "?\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}}");
    }

    /** Six statements per inline policy, one of which grants the benchmarked read. */
    private static List<String> inlineStatements(int i) {
        List<String> statements = new ArrayList<>();
        statements.add("{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\",\"ivs:*\"],\"Resource\":\"arn:aws:s3:::bucket" + i + "/*\"}");
        statements.add("{\"Effect\":\"Allow\",\"Action\":\"cloudwatch:GetMetricData\",\"Resource\":\"*\",\"Condition\":{\"StringLike\":{\"aws:UserAgent\":\"*cli*\"}}}");
        statements.add("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}");
        statements.add("{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::*:role/admin" + i + "\"}");
        statements.add("{\"Effect\":\"Allow\",\"Action\":\"servicequotas:List*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}}");
        statements.add(i == 4
                ? "{\"Effect\":\"Allow\",\"Action\":[\"ivs:GetChannel\",\"ivs:DeleteChannel\"],\"Resource\":\"arn:aws:ivs:*:" + ACCOUNT + ":channel/*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}}"
                : i == 3
                ? "{\"Effect\":\"Deny\",\"Action\":\"ivs:Delete*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"blue\"}}}"
                : "{\"Effect\":\"Allow\",\"Action\":\"logs:CreateLogStream\",\"Resource\":\"arn:aws:logs:*:*:log-group:app" + i + ":*\"}");
        return statements;
    }

    @Benchmark
    public EvaluationResult allowPath() {
        return PolicyEvaluator.evaluate(policies, allowRequest, Optional.empty());
    }

    @Benchmark
    public EvaluationResult explicitDenyPath() {
        return PolicyEvaluator.evaluate(policies, denyRequest, Optional.empty());
    }

    @Benchmark
    public EvaluationResult implicitDenyPath() {
        return PolicyEvaluator.evaluate(policies, implicitRequest, Optional.empty());
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(PolicyEvaluationBenchmark.class.getSimpleName()).build()).run();
    }
}

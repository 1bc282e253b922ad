package dev.onair.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.policy.AttachedPolicy;
import dev.onair.policy.AuthorizationRequest;
import dev.onair.policy.CompiledPolicy;
import dev.onair.policy.CompiledPolicySet;
import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.policy.PolicyEvaluator;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicyParser;
import dev.onair.policy.PolicySet;
import dev.onair.policy.PrincipalInfo;
import dev.onair.policy.RequestContext;
import dev.onair.policy.document.PolicyDocument;
import dev.onair.policy.validation.PolicyValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Raw policy text (mutated JSON, not generated documents): IAM's parser either returns a document or throws
 * MalformedPolicyDocument; Access Analyzer's validator always returns findings; a parsed document compiles and
 * evaluates one request. Capped at 131,072 characters, the longest document any operation accepts.
 */
@AddLifecycleHook(FuzzTries.class)
class PolicyDocumentFuzzTest {
  static final int CAP = 131_072;
  /** Jackson's tree plus the compiled statements: a few hundred bytes per input byte at most. */
  private static final Bounded.Limit LIMIT = new Bounded.Limit(Bounded.FIRST_USE, 400);
  private static final PrincipalInfo ALICE = PrincipalInfo.user("arn:aws:iam::123456789012:user/alice",
      "123456789012", "alice", "AIDAALICE", Map.of("team", "blue"));
  private static final RequestContext CONTEXT = RequestContext.builder().put("aws:SourceIp", List.of("10.1.2.3"))
      .put("aws:username", List.of("alice")).put("aws:CurrentTime", List.of("2026-11-30T07:00:00Z")).build();

  private static final List<String> SEEDS = List.of(
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A1\",\"Effect\":\"Allow\",\"Action\":[\"ivs:Get*\","
          + "\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::b/${aws:username}/*\",\"Condition\":{\"StringLike\":"
          + "{\"aws:UserAgent\":\"*cli*\"},\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"2001:db8::/32\"]},"
          + "\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}},{\"Effect\":\"Deny\","
          + "\"NotAction\":\"iam:*\",\"NotResource\":\"*\"}]}",
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":["
          + "\"arn:aws:iam::123456789012:root\",\"111122223333\"]},\"Action\":\"s3:*\",\"Resource\":["
          + "\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"},"
          + "\"NumericLessThanEquals\":{\"s3:max-keys\":\"10\"}}}}",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
          + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
          + "{\"sts:ExternalId\":\"x\"},\"ForAnyValue:StringLike\":{\"aws:TagKeys\":[\"team*\"]}}}]}",
      "{\"Version\":\"2008-10-17\",\"Id\":\"legacy\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
          + "\"NotPrincipal\":{\"AWS\":\"*\"},\"Action\":\"ivs:*\",\"Resource\":\"arn:aws:ivs:*:*:channel/*\","
          + "\"Condition\":{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:ivs:us-east-1:*:*\"},"
          + "\"Null\":{\"aws:RequestTag/team\":\"false\"},\"BinaryEquals\":{\"k\":\"QUJD\"}}}]}",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
          + "{\"StringEqualsIgnoreCaseIfExists\":{\"aws:PrincipalTag/team\":\"${aws:PrincipalTag/team, 'x'}\"}}}]}");

  private final Mutator mutator = new Mutator(SEEDS.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList(),
      List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "\"Statement\":", "\"Effect\":",
          "\"Allow\"", "\"Condition\":{", "\"StringLike\":", "${", "${aws:username}", "${*}", "*", "?", "arn:aws:",
          "1e999999", "-0", "99999999999999999999999999", "NaN", "null", "true", "\"Version\":\"2012-10-17\"",
          "10.0.0.0/33", "::/0", "2030-13-45T99:99:99Z", "ForAllValues:", "IfExists", "\"Principal\":\"*\""),
      "[{*?9\"\\a", CAP);

  @Provide
  Arbitrary<byte[]> policies() {
    return mutator.inputs(2, PolicyDocumentFuzzTest::hostile);
  }

  @Property
  void policyText_parsesOrIsMalformed_validatorAlwaysAnswers(@ForAll("policies") byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    PolicyKind kind = PolicyKind.values()[Math.floorMod(text.hashCode(), PolicyKind.values().length)];
    Bounded.parse(text, input.length, LIMIT, () -> {
      assertThat(PolicyValidator.validate(text, kind)).isNotNull();
      PolicyDocument document = PolicyParser.parse(text, kind);
      CompiledPolicySet identity = PolicySet.of(List.of(new AttachedPolicy("p", kind.usesIdentityGrammar()
          ? document : PolicyParser.parse(SEEDS.get(0), PolicyKind.IDENTITY)))).compile();
      Optional<CompiledPolicy> resource = kind.usesIdentityGrammar()
          ? Optional.empty() : Optional.of(CompiledPolicy.compile("r", document));
      return PolicyEvaluator.evaluate(identity, new AuthorizationRequest(ALICE, "s3:GetObject",
          "arn:aws:s3:::b/alice/" + "a".repeat(200), CONTEXT), resource);
    }, MalformedPolicyDocumentException.class::isInstance);
  }

  /** Deep nesting, long wildcard patterns (backtracking), many statements, huge numbers and strings. */
  static byte[] hostile(Random random) {
    int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 60_000 : 2_000);
    String text = switch (random.nextInt(8)) {
      case 0 -> "[".repeat(n);
      case 1 -> "{\"Statement\":" + "{\"a\":".repeat(n) + "1" + "}".repeat(n) + "}";
      case 2 -> "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + "*a".repeat(Math.min(n, 60_000))
          + "\",\"Resource\":\"" + "*?".repeat(Math.min(n, 60_000)) + "b\"}}";
      case 3 -> "{\"Statement\":[" + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},".repeat(n)
          + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
      case 4 -> "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
          + "\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":\"" + "9".repeat(n) + "\"}}}}";
      case 5 -> "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::"
          + "${aws:username}".repeat(n) + "\"}}";
      case 6 -> "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
          + "{\"IpAddress\":{\"aws:SourceIp\":[" + "\"10.0.0.0/8\",".repeat(n) + "\"::/0\"]}}}}";
      default -> "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
          + "{\"StringLike\":{\"aws:username\":\"" + "*".repeat(n) + "x\"}}}}";
    };
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

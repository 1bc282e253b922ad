package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random documents and contexts: the parser fails only with MalformedPolicyDocument, evaluation never fails. */
class PolicyEnginePropertiesTest {
    private static final List<String> OPERATORS = List.of("StringEquals", "StringNotLike", "ForAllValues:StringLike",
            "ForAnyValue:StringEquals", "NumericLessThan", "DateGreaterThan", "Bool", "BinaryEquals", "IpAddress",
            "NotIpAddressIfExists", "ArnLike", "ArnNotEquals", "Null", "StringEqualsIgnoreCaseIfExists", "Bogus");
    private static final List<String> KEYS = List.of("aws:SourceIp", "aws:TagKeys", "aws:RequestTag/team",
            "aws:CurrentTime", "aws:SecureTransport", "s3:max-keys", "aws:SourceArn", "aws:username");

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.of("*", "ivs:*", "ivs:Get?hannel", "s3:GetObject", "${aws:username}", "${*}", "${",
                "arn:aws:ivs:*:*:channel/*", "arn:aws:s3:::b/${aws:PrincipalTag/team, 'x'}/*", "arn:*", "", "::",
                "10.0.0.0/8", "2001:db8::/32", "2020-01-01T00:00:00Z", "true", "QUJD", "arn:aws:s3::x", "a:b:c", "\u00e9");
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> value = fragments().map(s -> "\"" + s.replace("\\", "") + "\"");
        Arbitrary<String> values = value.list().ofMinSize(0).ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> condition = Combinators.combine(Arbitraries.of(OPERATORS), Arbitraries.of(KEYS), values)
                .as((op, key, vals) -> "\"" + op + "\":{\"" + key + "\":" + vals + "}");
        Arbitrary<String> statement = Combinators.combine(
                Arbitraries.of("Allow", "Deny", "allow", "Maybe"),
                Arbitraries.of("Action", "NotAction"), values,
                Arbitraries.of("Resource", "NotResource", "Principal"), values,
                condition.list().ofMaxSize(2))
                .as((effect, actionElement, actions, resourceElement, resources, conditions) ->
                        "{\"Effect\":\"" + effect + "\",\"" + actionElement + "\":" + actions + ",\"" + resourceElement
                                + "\":" + resources + (conditions.isEmpty() ? "" : ",\"Condition\":{"
                                + String.join(",", conditions) + "}") + "}");
        Arbitrary<String> wellFormed = Combinators.combine(Arbitraries.of("2012-10-17", "2008-10-17"),
                        statement.list().ofMinSize(1).ofMaxSize(4))
                .as((version, statements) -> "{\"Version\":\"" + version + "\",\"Statement\":["
                        + String.join(",", statements) + "]}");
        Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(60);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, wellFormed),
                net.jqwik.api.Tuple.of(1, garbage),
                net.jqwik.api.Tuple.of(1, wellFormed.map(s -> s.substring(0, s.length() / 2))));
    }

    @Provide
    Arbitrary<RequestContext> contexts() {
        return Combinators.combine(Arbitraries.of(KEYS), fragments().list().ofMaxSize(3), Arbitraries.of(KEYS),
                        fragments())
                .as((k1, v1, k2, v2) -> RequestContext.builder().put(k1, v1).put(k2, v2).build());
    }

    @Property
    void parserThrowsOnlyMalformed_andEvaluationNeverThrows(@ForAll("documents") String json,
                                                             @ForAll("contexts") RequestContext context,
                                                             @ForAll("fragments") String resource) {
        for (PolicyKind kind : PolicyKind.values()) {
            try {
                var document = PolicyParser.parse(json, kind);
                assertThat(PolicyParser.parse(document.toJson(), kind)).isEqualTo(document);
                var set = PolicySet.of(List.of(new AttachedPolicy("p", kind.usesIdentityGrammar()
                        ? document : PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}", PolicyKind.IDENTITY)))).compile();
                Optional<CompiledPolicy> resourcePolicy = kind.usesIdentityGrammar()
                        ? Optional.empty() : Optional.of(CompiledPolicy.compile("r", document));
                for (PrincipalInfo principal : List.of(Fixtures.ALICE, Fixtures.SESSION, PrincipalInfo.anonymous())) {
                    EvaluationResult result = PolicyEvaluator.evaluate(set,
                            new AuthorizationRequest(principal, "ivs:GetChannel", resource, context), resourcePolicy);
                    assertThat(result).isNotNull();
                }
            } catch (MalformedPolicyDocumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(dev.onair.policy.validation.PolicyValidator.validate(json, PolicyKind.IDENTITY)).isNotNull();
    }
}

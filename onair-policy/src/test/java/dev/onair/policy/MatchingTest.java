package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Action and resource matching (IAM User Guide: Action, NotAction, Resource, NotResource elements). */
class MatchingTest {
    static Stream<Arguments> actions() {
        return Stream.of(
                Arguments.of("exact action", "\"Action\":\"ivs:GetChannel\"", "ivs:GetChannel", true),
                Arguments.of("action names are case-insensitive", "\"Action\":\"IVS:getchannel\"", "ivs:GetChannel", true),
                Arguments.of("* in the name", "\"Action\":\"ivs:Get*\"", "ivs:GetStreamKey", true),
                Arguments.of("* in the middle of the name", "\"Action\":\"iam:*AccessKey*\"", "iam:CreateAccessKey", true),
                Arguments.of("? matches one character", "\"Action\":\"ivs:?etChannel\"", "ivs:GetChannel", true),
                Arguments.of("prefix wildcard does not cross services", "\"Action\":\"ivs:*\"", "ivschat:CreateRoom", false),
                Arguments.of("lone * is every action", "\"Action\":\"*\"", "s3:GetObject", true),
                Arguments.of("list is OR'd", "\"Action\":[\"s3:GetObject\",\"ivs:GetChannel\"]", "ivs:GetChannel", true),
                Arguments.of("NotAction applies to unlisted actions", "\"NotAction\":\"iam:*\"", "ivs:GetChannel", true),
                Arguments.of("NotAction skips listed actions", "\"NotAction\":\"ivs:*\"", "ivs:GetChannel", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void action_rule(String rule, String element, String action, boolean expected) {
        String json = Fixtures.policy("{\"Effect\":\"Allow\"," + element + ",\"Resource\":\"*\"}");
        assertThat(Fixtures.allowed(json, action, Fixtures.CHANNEL, RequestContext.empty())).isEqualTo(expected);
    }

    static Stream<Arguments> resources() {
        return Stream.of(
                Arguments.of("exact ARN", "\"Resource\":\"" + Fixtures.CHANNEL + "\"", Fixtures.CHANNEL, true),
                Arguments.of("resource ARNs are case-sensitive", "\"Resource\":\"arn:aws:ivs:us-east-1:123456789012:channel/abcdefghijkl\"", Fixtures.CHANNEL, false),
                Arguments.of("* in the region segment", "\"Resource\":\"arn:aws:ivs:*:123456789012:channel/*\"", Fixtures.CHANNEL, true),
                Arguments.of("account segment must match", "\"Resource\":\"arn:aws:ivs:*:999999999999:channel/*\"", Fixtures.CHANNEL, false),
                Arguments.of("* crosses / in the resource segment", "\"Resource\":\"arn:aws:s3:::bucket/*\"", "arn:aws:s3:::bucket/a/b/c.txt", true),
                Arguments.of("resource segment may hold colons", "\"Resource\":\"arn:aws:logs:*:*:log-group:*\"", "arn:aws:logs:us-east-1:1:log-group:x:log-stream:y", true),
                Arguments.of("* in a region segment does not span colons", "\"Resource\":\"arn:aws:ivs:*:channel/*\"", Fixtures.CHANNEL, false),
                Arguments.of("? matches one character", "\"Resource\":\"arn:aws:ivs:us-east-?:123456789012:channel/*\"", Fixtures.CHANNEL, true),
                Arguments.of("lone * is every resource", "\"Resource\":\"*\"", Fixtures.CHANNEL, true),
                Arguments.of("ARN pattern does not match a resource-less action's *", "\"Resource\":\"arn:aws:ivs:*:*:*\"", "*", false),
                Arguments.of("NotResource applies to unlisted resources", "\"NotResource\":\"arn:aws:ivs:*:*:stream-key/*\"", Fixtures.CHANNEL, true),
                Arguments.of("NotResource skips listed resources", "\"NotResource\":\"arn:aws:ivs:*:*:channel/*\"", Fixtures.CHANNEL, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void resource_rule(String rule, String element, String resource, boolean expected) {
        String json = Fixtures.policy("{\"Effect\":\"Allow\",\"Action\":\"*\"," + element + "}");
        assertThat(Fixtures.allowed(json, "ivs:GetChannel", resource, RequestContext.empty())).isEqualTo(expected);
    }
}

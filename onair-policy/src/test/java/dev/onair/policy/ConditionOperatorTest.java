package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per documented operator behaviour (IAM User Guide, "IAM JSON policy elements: Condition operators"). */
class ConditionOperatorTest {
    private static final Object MISSING = new Object();

    private static Arguments row(String rule, String operator, String key, String policyValues, Object requestValues,
                                 boolean expected) {
        return Arguments.of(rule, operator, key, policyValues, requestValues, expected);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // String family
                row("StringEquals is case-sensitive: exact match", "StringEquals", "aws:RequestTag/team", "[\"blue\"]", "blue", true),
                row("StringEquals is case-sensitive: case differs", "StringEquals", "aws:RequestTag/team", "[\"blue\"]", "Blue", false),
                row("values under one key are OR'd", "StringEquals", "aws:RequestTag/team", "[\"red\",\"blue\"]", "blue", true),
                row("StringEquals has no wildcards", "StringEquals", "aws:RequestTag/team", "[\"bl*\"]", "blue", false),
                row("StringNotEquals: different value matches", "StringNotEquals", "aws:RequestTag/team", "[\"red\"]", "blue", true),
                row("negated operator with several values requires matching none", "StringNotEquals", "aws:RequestTag/team", "[\"red\",\"blue\"]", "blue", false),
                row("StringEqualsIgnoreCase ignores case", "StringEqualsIgnoreCase", "aws:RequestTag/team", "[\"BLUE\"]", "blue", true),
                row("StringNotEqualsIgnoreCase ignores case", "StringNotEqualsIgnoreCase", "aws:RequestTag/team", "[\"BLUE\"]", "blue", false),
                row("StringLike * matches any run", "StringLike", "aws:RequestTag/team", "[\"b*e\"]", "blue", true),
                row("StringLike ? matches one character", "StringLike", "aws:RequestTag/team", "[\"b??e\"]", "blue", true),
                row("StringLike ? does not match two", "StringLike", "aws:RequestTag/team", "[\"b?e\"]", "blue", false),
                row("StringNotLike excludes a glob", "StringNotLike", "aws:RequestTag/team", "[\"b*\"]", "blue", false),
                row("missing key: positive operator does not match", "StringEquals", "aws:RequestTag/team", "[\"blue\"]", MISSING, false),
                row("missing key: negated operator matches", "StringNotEquals", "aws:RequestTag/team", "[\"blue\"]", MISSING, true),
                row("missing key: negated Like matches", "StringNotLike", "aws:RequestTag/team", "[\"blue\"]", MISSING, true),
                row("IfExists: missing key matches", "StringEqualsIfExists", "aws:RequestTag/team", "[\"blue\"]", MISSING, true),
                row("IfExists: present key is compared", "StringEqualsIfExists", "aws:RequestTag/team", "[\"blue\"]", "red", false),
                row("condition key names are case-insensitive", "StringEquals", "AWS:REQUESTTAG/TEAM", "[\"blue\"]", "blue", true),
                row("single-valued operator does not match a multivalued key", "StringEquals", "aws:TagKeys", "[\"a\"]", List.of("a", "b"), false),
                // Set operators
                row("ForAllValues: every request value in the set", "ForAllValues:StringEquals", "aws:TagKeys", "[\"a\",\"b\"]", List.of("a", "b"), true),
                row("ForAllValues: one request value outside the set", "ForAllValues:StringEquals", "aws:TagKeys", "[\"a\"]", List.of("a", "b"), false),
                row("ForAllValues: missing key is true", "ForAllValues:StringEquals", "aws:TagKeys", "[\"a\"]", MISSING, true),
                row("ForAllValues: empty key is true", "ForAllValues:StringEquals", "aws:TagKeys", "[\"a\"]", List.of(), true),
                row("ForAnyValue: one request value in the set", "ForAnyValue:StringEquals", "aws:TagKeys", "[\"b\"]", List.of("a", "b"), true),
                row("ForAnyValue: no request value in the set", "ForAnyValue:StringEquals", "aws:TagKeys", "[\"c\"]", List.of("a", "b"), false),
                row("ForAnyValue: missing key is false", "ForAnyValue:StringEquals", "aws:TagKeys", "[\"a\"]", MISSING, false),
                row("ForAllValues:StringNotEquals: no request value is listed", "ForAllValues:StringNotEquals", "aws:TagKeys", "[\"c\"]", List.of("a", "b"), true),
                row("ForAllValues:StringNotEquals: a listed value is present", "ForAllValues:StringNotEquals", "aws:TagKeys", "[\"a\"]", List.of("a", "b"), false),
                row("ForAnyValue:StringNotEquals: some request value is not listed", "ForAnyValue:StringNotEquals", "aws:TagKeys", "[\"a\"]", List.of("a", "b"), true),
                row("ForAnyValue:StringLike with a glob", "ForAnyValue:StringLike", "aws:TagKeys", "[\"cost*\"]", List.of("owner", "costcenter"), true),
                row("ForAnyValue:StringEqualsIfExists: missing key is true", "ForAnyValue:StringEqualsIfExists", "aws:TagKeys", "[\"a\"]", MISSING, true),
                // Numeric
                row("NumericEquals compares numbers not text", "NumericEquals", "s3:max-keys", "[\"10\"]", "10.0", true),
                row("NumericNotEquals", "NumericNotEquals", "s3:max-keys", "[\"10\"]", "11", true),
                row("NumericLessThan true", "NumericLessThan", "s3:max-keys", "[\"10\"]", "9", true),
                row("NumericLessThan false at equality", "NumericLessThan", "s3:max-keys", "[\"10\"]", "10", false),
                row("NumericLessThanEquals at equality", "NumericLessThanEquals", "s3:max-keys", "[\"10\"]", "10", true),
                row("NumericGreaterThan", "NumericGreaterThan", "s3:max-keys", "[\"10\"]", "10.5", true),
                row("NumericGreaterThanEquals false below", "NumericGreaterThanEquals", "s3:max-keys", "[\"10\"]", "9", false),
                row("Numeric with a non-number request value does not match", "NumericEquals", "s3:max-keys", "[\"10\"]", "ten", false),
                // Date
                row("DateLessThan with ISO-8601", "DateLessThan", "aws:CurrentTime", "[\"2030-01-01T00:00:00Z\"]", "2026-05-01T12:00:00Z", true),
                row("DateGreaterThan with ISO-8601", "DateGreaterThan", "aws:CurrentTime", "[\"2030-01-01T00:00:00Z\"]", "2026-05-01T12:00:00Z", false),
                row("Date accepts epoch seconds in the policy", "DateGreaterThanEquals", "aws:CurrentTime", "[\"1577836800\"]", "2020-01-01T00:00:00Z", true),
                row("DateEquals across formats", "DateEquals", "aws:TokenIssueTime", "[\"2020-01-01\"]", "2020-01-01T00:00:00Z", true),
                row("DateNotEquals", "DateNotEquals", "aws:TokenIssueTime", "[\"2020-01-01T00:00:00Z\"]", "2020-01-02T00:00:00Z", true),
                row("DateLessThanEquals with offsets", "DateLessThanEquals", "aws:CurrentTime", "[\"2020-01-01T02:00:00+02:00\"]", "2020-01-01T00:00:00Z", true),
                // Bool
                row("Bool true", "Bool", "aws:SecureTransport", "[\"true\"]", "true", true),
                row("Bool false vs true", "Bool", "aws:SecureTransport", "[\"false\"]", "true", false),
                row("Bool on a missing key does not match", "Bool", "aws:MultiFactorAuthPresent", "[\"true\"]", MISSING, false),
                row("BoolIfExists on a missing key matches", "BoolIfExists", "aws:MultiFactorAuthPresent", "[\"false\"]", MISSING, true),
                // Binary
                row("BinaryEquals compares decoded bytes", "BinaryEquals", "key", "[\"QmluYXJ5VmFsdWU=\"]", "QmluYXJ5VmFsdWU=", true),
                row("BinaryEquals different bytes", "BinaryEquals", "key", "[\"QmluYXJ5VmFsdWU=\"]", "T3RoZXI=", false),
                // IP
                row("IpAddress IPv4 CIDR contains", "IpAddress", "aws:SourceIp", "[\"203.0.113.0/24\"]", "203.0.113.7", true),
                row("IpAddress IPv4 CIDR excludes", "IpAddress", "aws:SourceIp", "[\"203.0.113.0/24\"]", "203.0.114.7", false),
                row("IpAddress bare address is /32", "IpAddress", "aws:SourceIp", "[\"203.0.113.7\"]", "203.0.113.7", true),
                row("IpAddress IPv6 CIDR", "IpAddress", "aws:SourceIp", "[\"2001:db8::/32\"]", "2001:db8:1234::1", true),
                row("IpAddress IPv6 outside", "IpAddress", "aws:SourceIp", "[\"2001:db8::/32\"]", "2001:db9::1", false),
                row("IpAddress odd prefix length", "IpAddress", "aws:SourceIp", "[\"10.0.0.0/9\"]", "10.127.255.255", true),
                row("NotIpAddress outside all ranges", "NotIpAddress", "aws:SourceIp", "[\"10.0.0.0/8\",\"192.168.0.0/16\"]", "203.0.113.7", true),
                row("NotIpAddress inside one range", "NotIpAddress", "aws:SourceIp", "[\"10.0.0.0/8\",\"192.168.0.0/16\"]", "192.168.1.1", false),
                row("NotIpAddress on a missing key matches", "NotIpAddress", "aws:SourceIp", "[\"10.0.0.0/8\"]", MISSING, true),
                row("IpAddress with a host name never matches", "IpAddress", "aws:SourceIp", "[\"0.0.0.0/0\"]", "localhost", false),
                // ARN
                row("ArnLike per-segment wildcards", "ArnLike", "aws:SourceArn", "[\"arn:aws:ivs:*:123456789012:channel/*\"]", "arn:aws:ivs:us-west-2:123456789012:channel/abc", true),
                row("ArnLike: * cannot span a colon in the first five parts", "ArnLike", "aws:SourceArn", "[\"arn:aws:someservice:*:111122223333:finance/*\"]", "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt", false),
                row("StringLike: the same value does span colons", "StringLike", "aws:SourceArn", "[\"arn:aws:someservice:*:111122223333:finance/*\"]", "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt", true),
                row("ArnEquals behaves like ArnLike", "ArnEquals", "aws:SourceArn", "[\"arn:aws:ivs:*:123456789012:channel/*\"]", "arn:aws:ivs:us-west-2:123456789012:channel/abc", true),
                row("ArnNotLike", "ArnNotLike", "aws:SourceArn", "[\"arn:aws:ivs:*:123456789012:*\"]", "arn:aws:ivs:us-west-2:999999999999:channel/abc", true),
                row("ArnNotEquals on a missing key matches", "ArnNotEquals", "aws:SourceArn", "[\"arn:aws:ivs:*:*:*\"]", MISSING, true),
                row("ArnLike is case-sensitive", "ArnLike", "aws:SourceArn", "[\"arn:aws:ivs:*:*:Channel/*\"]", "arn:aws:ivs:us-west-2:1:channel/abc", false),
                row("ArnLike: a non-ARN value does not match", "ArnLike", "aws:SourceArn", "[\"arn:aws:ivs:*:*:*\"]", "not-an-arn", false),
                // Null
                row("Null true: key absent", "Null", "aws:TokenIssueTime", "[\"true\"]", MISSING, true),
                row("Null true: key present", "Null", "aws:TokenIssueTime", "[\"true\"]", "2020-01-01T00:00:00Z", false),
                row("Null false: key present", "Null", "aws:TokenIssueTime", "[\"false\"]", "2020-01-01T00:00:00Z", true),
                row("Null false: key absent", "Null", "aws:TokenIssueTime", "[\"false\"]", MISSING, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @SuppressWarnings("unchecked")
    void condition_rule(String rule, String operator, String key, String policyValues, Object requestValues,
                        boolean expected) {
        String json = Fixtures.policy("{\"Effect\":\"Allow\",\"Action\":\"ivs:GetChannel\",\"Resource\":\"*\","
                + "\"Condition\":{\"" + operator + "\":{\"" + key + "\":" + policyValues + "}}}");
        RequestContext.Builder context = RequestContext.builder();
        if (requestValues instanceof String value) {
            context.put(key.equals("AWS:REQUESTTAG/TEAM") ? "aws:RequestTag/team" : key, value);
        } else if (requestValues instanceof List<?> values) {
            context.put(key, new ArrayList<>((List<String>) values));
        }
        assertThat(Fixtures.allowed(json, "ivs:GetChannel", Fixtures.CHANNEL, context.build())).isEqualTo(expected);
    }

    static Stream<Arguments> blockRows() {
        return Stream.of(
                Arguments.of("keys under one operator are AND'd: both hold", "{\"StringEquals\":{\"aws:RequestTag/a\":\"1\",\"aws:RequestTag/b\":\"2\"}}", true),
                Arguments.of("keys under one operator are AND'd: one fails", "{\"StringEquals\":{\"aws:RequestTag/a\":\"1\",\"aws:RequestTag/b\":\"3\"}}", false),
                Arguments.of("operators are AND'd: both hold", "{\"StringEquals\":{\"aws:RequestTag/a\":\"1\"},\"StringLike\":{\"aws:RequestTag/b\":\"*\"}}", true),
                Arguments.of("operators are AND'd: one fails", "{\"StringEquals\":{\"aws:RequestTag/a\":\"1\"},\"Bool\":{\"aws:SecureTransport\":\"false\"}}", false),
                Arguments.of("empty value list never matches a positive operator", "{\"StringEquals\":{\"aws:RequestTag/a\":[]}}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockRows")
    void conditionBlock_rule(String rule, String condition, boolean expected) {
        String json = Fixtures.policy("{\"Effect\":\"Allow\",\"Action\":\"ivs:GetChannel\",\"Resource\":\"*\","
                + "\"Condition\":" + condition + "}");
        RequestContext context = RequestContext.builder().put("aws:RequestTag/a", "1").put("aws:RequestTag/b", "2")
                .put("aws:SecureTransport", "true").build();
        assertThat(Fixtures.allowed(json, "ivs:GetChannel", Fixtures.CHANNEL, context)).isEqualTo(expected);
    }
}

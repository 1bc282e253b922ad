package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.policy.validation.Finding;
import dev.onair.policy.validation.PolicyValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** REDUNDANT_STATEMENT: each statement equal to an earlier one (apart from Sid) is reported once. */
class RedundantStatementTest {
    private static final String A = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}";
    private static final String A_WITH_SID =
            "{\"Sid\":\"Other\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}";
    private static final String B = "{\"Effect\":\"Deny\",\"Action\":\"ivs:*\",\"Resource\":\"*\"}";

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("two equal statements", List.of(A, A), List.of(1)),
                Arguments.of("a Sid does not make a statement different", List.of(A, A_WITH_SID), List.of(1)),
                Arguments.of("three equal statements: each later one once (pairs reported the third twice)",
                        List.of(A, A, A), List.of(1, 2)),
                Arguments.of("two groups interleaved", List.of(A, B, A, B), List.of(2, 3)),
                Arguments.of("nothing equal", List.of(A, B), List.of()),
                Arguments.of("2,000 equal statements: 1,999 findings (pairs made 1,999,000 and took seconds)",
                        java.util.Collections.nCopies(2_000, A), indices(1, 2_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void validate_redundantStatements_eachReportedOnce(String rule, List<String> statements, List<Integer> indices) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";

        List<Integer> reported = PolicyValidator.validate(policy, PolicyKind.IDENTITY).stream()
                .filter(finding -> finding.issueCode().equals("REDUNDANT_STATEMENT"))
                .map(RedundantStatementTest::statementIndex)
                .toList();

        assertThat(reported).containsExactlyElementsOf(indices);
    }

    private static int statementIndex(Finding finding) {
        return finding.path().get(1).index();
    }

    private static List<Integer> indices(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }
}

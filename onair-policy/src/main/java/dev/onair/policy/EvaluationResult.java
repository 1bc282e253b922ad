package dev.onair.policy;

import java.util.List;
import java.util.Objects;

public record EvaluationResult(Decision decision, DenialSource source, List<MatchedStatement> matched) {
    public EvaluationResult {
        Objects.requireNonNull(decision, "decision is null");
        Objects.requireNonNull(source, "source is null");
        matched = List.copyOf(matched);
    }

    public boolean allowed() {
        return decision == Decision.ALLOW;
    }
}

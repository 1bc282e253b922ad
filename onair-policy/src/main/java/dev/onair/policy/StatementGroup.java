package dev.onair.policy;

import dev.onair.policy.action.ActionMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements of one policy kind for a principal, with a per-action index: the first request for an action
 * filters the statements whose Action/NotAction applies (denies first) and remembers the result, so later requests
 * touch only candidates. This is MinIO's action-to-statement index, generalised to wildcards.
 */
final class StatementGroup {
    private static final int MAX_INDEXED_ACTIONS = 4096;
    private static final CompiledStatement[] NONE = new CompiledStatement[0];

    private final CompiledStatement[] statements;
    private final ConcurrentHashMap<String, CompiledStatement[]> byAction = new ConcurrentHashMap<>();

    StatementGroup(List<CompiledStatement> statements) {
        this.statements = statements.toArray(NONE);
    }

    int size() {
        return statements.length;
    }

    CompiledStatement[] candidates(String action) {
        CompiledStatement[] cached = byAction.get(action);
        if (cached != null) {
            return cached;
        }
        CompiledStatement[] computed = filter(ActionMatcher.normalize(action));
        // Actions come from requests; bounding the index keeps unknown names from growing it forever.
        if (byAction.size() < MAX_INDEXED_ACTIONS) {
            byAction.putIfAbsent(action, computed);
        }
        return computed;
    }

    private CompiledStatement[] filter(String lowerCaseAction) {
        List<CompiledStatement> denies = new ArrayList<>();
        List<CompiledStatement> allows = new ArrayList<>();
        for (CompiledStatement statement : statements) {
            if (statement.actions.applies(lowerCaseAction)) {
                (statement.deny ? denies : allows).add(statement);
            }
        }
        denies.addAll(allows);
        return denies.isEmpty() ? NONE : denies.toArray(NONE);
    }
}

package dev.onair.policy;

import dev.onair.policy.document.PolicyDocument;
import dev.onair.policy.document.Statement;
import java.util.ArrayList;
import java.util.List;

/** One policy compiled for evaluation (typically a resource-based or trust policy). Immutable. */
public final class CompiledPolicy {
    private final String name;
    private final PolicyDocument document;
    private final List<CompiledStatement> statements;
    private final StatementGroup group;

    private CompiledPolicy(String name, PolicyDocument document, DenialSource kind) {
        this.name = name;
        this.document = document;
        List<CompiledStatement> compiled = new ArrayList<>();
        List<Statement> source = document.statements();
        for (int i = 0; i < source.size(); i++) {
            compiled.add(new CompiledStatement(name, kind, i, source.get(i), document.variablesEnabled()));
        }
        this.statements = List.copyOf(compiled);
        this.group = new StatementGroup(compiled);
    }

    /** Compiles a resource-based (or trust) policy. */
    public static CompiledPolicy compile(String name, PolicyDocument document) {
        return new CompiledPolicy(name, document, DenialSource.RESOURCE_POLICY);
    }

    static CompiledPolicy compile(AttachedPolicy policy, DenialSource kind) {
        return new CompiledPolicy(policy.name(), policy.document(), kind);
    }

    public String name() {
        return name;
    }

    public PolicyDocument document() {
        return document;
    }

    List<CompiledStatement> statements() {
        return statements;
    }

    StatementGroup group() {
        return group;
    }
}

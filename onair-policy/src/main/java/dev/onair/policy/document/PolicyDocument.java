package dev.onair.policy.document;

import java.util.List;

/** A parsed policy, equal to any other parse of an equivalent document (element order and list shape ignored). */
public record PolicyDocument(String version, String id, List<Statement> statements) {
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Policy variables are substituted only under the 2012 grammar; elsewhere "${...}" is literal text. */
    public boolean variablesEnabled() {
        return VERSION_2012.equals(version);
    }

    public String toJson() {
        return DocumentWriter.write(this);
    }
}

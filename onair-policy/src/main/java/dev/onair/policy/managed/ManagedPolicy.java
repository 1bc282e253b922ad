package dev.onair.policy.managed;

import dev.onair.policy.AttachedPolicy;
import dev.onair.policy.document.PolicyDocument;

/** An AWS managed policy: its ARN, default version and document text exactly as AWS publishes it. */
public record ManagedPolicy(String name, String arn, String path, String defaultVersionId, String createDate,
                            String description, String documentJson, PolicyDocument document) {
    public AttachedPolicy attached() {
        return new AttachedPolicy(arn, document);
    }
}

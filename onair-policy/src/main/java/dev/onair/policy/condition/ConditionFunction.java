package dev.onair.policy.condition;

/** One compiled operator/key pair; a statement's functions are AND-ed. */
public interface ConditionFunction {
    boolean evaluate(ConditionContext context);

    OperatorName operator();

    String key();
}

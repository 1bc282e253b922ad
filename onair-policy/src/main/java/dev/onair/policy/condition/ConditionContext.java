package dev.onair.policy.condition;

import dev.onair.policy.variable.VariableSource;

/** The request values conditions read: keys are lower-cased, absent keys give null. */
public interface ConditionContext extends VariableSource {
}

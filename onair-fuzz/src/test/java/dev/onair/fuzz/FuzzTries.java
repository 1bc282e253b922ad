package dev.onair.fuzz;

import net.jqwik.api.GenerationMode;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets every fuzz property's tries and seed from {@link FuzzSettings} ({@code @Property(tries = …)} is a constant
 * and cannot read a system property), prints what was run, and fails a property that ran fewer inputs than asked,
 * so a switch that silently stopped taking effect cannot pass unnoticed.
 */
public final class FuzzTries implements AroundPropertyHook {
  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    int tries = FuzzSettings.tries();
    String seed = FuzzSettings.seed();
    PropertyAttributes attributes = context.attributes();
    attributes.setTries(tries);
    attributes.setSeed(seed);
    // inputs come from Arbitraries.randomValue, which cannot shrink; the failing input is printed instead
    attributes.setShrinking(ShrinkingMode.OFF);
    attributes.setGeneration(GenerationMode.RANDOMIZED);
    FuzzStats.reset();
    long start = System.nanoTime();
    PropertyExecutionResult result = property.execute();
    long millis = (System.nanoTime() - start) / 1_000_000;
    String line = String.format("fuzz %s: %d inputs tried (asked %d, %s form, seed %s) in %d ms, %s, %s",
        context.extendedLabel(), result.countTries(), tries, FuzzSettings.longForm() ? "long" : "short", seed, millis,
        FuzzStats.summary(), result.status());
    System.out.println(line);
    if (result.status() == PropertyExecutionResult.Status.SUCCESSFUL && result.countTries() < tries) {
      return result.mapToFailed("ran " + result.countTries() + " inputs, asked " + tries + ": " + line);
    }
    return result;
  }

  @Override
  public PropagationMode propagateTo() {
    // registered on the test class, applied to each property in it
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public int aroundPropertyProximity() {
    // outside jqwik's own hooks, so the attributes are set before the property's configuration is read
    return -100;
  }
}

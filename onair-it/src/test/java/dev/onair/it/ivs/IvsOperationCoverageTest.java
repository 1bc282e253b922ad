package dev.onair.it.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.IvsServiceDefinition;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.IvsRequest;

/** Every operation the AWS SDK's IvsClient knows must have an Onair operation of the same name. */
class IvsOperationCoverageTest {
  @TempDir Path dataDir;

  static Set<String> sdkOperations() {
    Set<String> names = new TreeSet<>();
    for (Method method : IvsClient.class.getMethods()) {
      Class<?>[] parameters = method.getParameterTypes();
      if (parameters.length == 1 && IvsRequest.class.isAssignableFrom(parameters[0])
          && parameters[0] != IvsRequest.class) {
        String request = parameters[0].getSimpleName();
        names.add(request.substring(0, request.length() - "Request".length()));
      }
    }
    return names;
  }

  @Test
  void everySdkOperationHasAnOperation() {
    Set<String> sdk = sdkOperations();
    assertThat(sdk).hasSize(35).contains("CreateChannel", "ListTagsForResource", "BatchStartViewerSessionRevocation");
    try (InProcessIvs ivs = new InProcessIvs(dataDir)) {
      Set<String> ours = IvsServiceDefinition.create(ivs.service).operationNames();
      Set<String> missing = new TreeSet<>(sdk);
      missing.removeAll(ours);
      assertThat(missing).as("IVS operations without an Onair operation").isEmpty();
    }
  }
}

package dev.amapi.ops.testkit.junit5;

import dev.amapi.ops.testkit.FakeAmapiServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link FakeAmapi}: a server per extension context, kept in JUnit's store,
 * which closes it (an {@link AutoCloseable}) when the context ends.
 */
final class FakeAmapiParameterResolver implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeAmapiParameterResolver.class);

  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    // A constructor gets the server of the test about to run, not one for the whole class.
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return FakeAmapiExtension.injectable(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FakeAmapiServer server =
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                FakeAmapiServer.class, key -> FakeAmapiServer.start(), FakeAmapiServer.class);
    return FakeAmapiExtension.resolve(
        parameter.getParameter().getType(), server, server.operations());
  }
}

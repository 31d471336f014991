package dev.amapi.ops.spring;

import dev.amapi.ops.auth.GoogleAccessTokenSource;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.DeviceOperationsBuilder;
import dev.amapi.ops.rest.event.CallListener;
import dev.amapi.ops.transport.apache.ApacheHttpOperations;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import dev.amapi.ops.transport.okhttp.OkHttpOperations;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Makes a {@link DeviceOperations} bean from the {@code amapi.ops.*} properties ({@link
 * AmapiOpsProperties}) unless the application defines its own, and closes it when the context
 * closes.
 *
 * <p>What goes into the builder, in order: the transport ({@code amapi.ops.transport}, else the
 * first of JDK, Apache, OkHttp on the class path); the token source (the application's {@link
 * AccessTokenSource} bean if it has exactly one, else one this class makes from {@code
 * amapi.ops.credentials} or the Application Default Credentials, billed to {@code
 * amapi.ops.quota-project}); the other properties; every {@link CallListener} bean, in order; then
 * every {@link DeviceOperationsBuilderCustomizer} bean, in order.
 */
@AutoConfiguration
@ConditionalOnClass({DeviceOperations.class, DeviceOperationsBuilder.class})
@EnableConfigurationProperties(AmapiOpsProperties.class)
public final class AmapiOpsAutoConfiguration implements ResourceLoaderAware {
  private ResourceLoader resourceLoader = new DefaultResourceLoader();

  /** Made by Spring. */
  public AmapiOpsAutoConfiguration() {}

  @Override
  public void setResourceLoader(ResourceLoader resourceLoader) {
    this.resourceLoader = resourceLoader;
  }

  /**
   * Returns the client, built from the properties and the beans described in the class comment.
   *
   * @param properties the {@code amapi.ops.*} properties
   * @param tokenSources the application's token sources
   * @param listeners the application's call listeners
   * @param customizers the application's builder customizers
   * @param sslBundles Spring Boot's SSL bundles, where {@code amapi.ops.ssl-bundle} is looked up
   * @param beanFactory where the {@code amapi.ops.executor} bean is looked up
   * @return the client; the context closes it
   * @throws IllegalStateException naming the property, if the transport asked for is not on the
   *     class path, the executor bean does not exist, or the settings conflict
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public DeviceOperations amapiDeviceOperations(
      AmapiOpsProperties properties,
      ObjectProvider<AccessTokenSource> tokenSources,
      ObjectProvider<CallListener> listeners,
      ObjectProvider<DeviceOperationsBuilderCustomizer> customizers,
      ObjectProvider<SslBundles> sslBundles,
      BeanFactory beanFactory) {
    DeviceOperationsBuilder<?> builder = newBuilder(properties.getTransport());
    AccessTokenSource tokens = tokenSources.getIfUnique();
    if (tokens != null) {
      builder.tokenSource(tokens);
    }
    if (properties.getEndpoint() != null) {
      builder.endpoint(properties.getEndpoint());
    }
    if (properties.getConnectTimeout() != null) {
      builder.connectTimeout(properties.getConnectTimeout());
    }
    if (properties.getRequestTimeout() != null) {
      builder.requestTimeout(properties.getRequestTimeout());
    }
    if (properties.getCallTimeout() != null) {
      builder.callTimeout(properties.getCallTimeout());
    }
    if (properties.getApplicationName() != null) {
      builder.applicationName(properties.getApplicationName());
    }
    if (properties.getMaxResponseBytes() != null) {
      builder.maxResponseBytes(properties.getMaxResponseBytes());
    }
    builder.retryPolicy(properties.getRetry().toPolicy());
    String sslBundle = properties.getSslBundle();
    if (sslBundle != null) {
      builder.sslContext(sslContext(sslBundles, sslBundle));
    }
    String executor = properties.getExecutor();
    if (executor != null) {
      builder.executor(executor(beanFactory, executor));
    }
    listeners.orderedStream().forEach(builder::listener);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    try {
      return builder.build();
    } catch (IllegalStateException e) {
      String hint = "";
      if (tokens == null) {
        hint =
            tokenSources.stream().limit(2).count() > 1
                ? " (the application has several AccessTokenSource beans: mark one @Primary)"
                : " (add dev.amapi:amapi-ops-auth, or define an AccessTokenSource bean)";
      }
      throw new IllegalStateException(
          "Cannot build the amapi-ops DeviceOperations bean from the "
              + AmapiOpsProperties.PREFIX
              + ".* properties: "
              + e.getMessage()
              + hint,
          e);
    }
  }

  private DeviceOperationsBuilder<?> newBuilder(@Nullable Transport asked) {
    ClassLoader classLoader = resourceLoader.getClassLoader();
    if (asked != null) {
      if (!ClassUtils.isPresent(asked.entryPoint(), classLoader)) {
        throw new AmapiOpsConfigurationException(
            AmapiOpsProperties.PREFIX + ".transport",
            AmapiOpsProperties.PREFIX
                + ".transport="
                + asked.name().toLowerCase(Locale.ROOT)
                + " but "
                + asked.artifactId()
                + " is not on the class path.",
            "Add the dependency dev.amapi:"
                + asked.artifactId()
                + ", or set "
                + AmapiOpsProperties.PREFIX
                + ".transport to a transport that is.",
            null);
      }
      return TransportBuilders.of(asked);
    }
    for (Transport transport : Transport.values()) {
      if (ClassUtils.isPresent(transport.entryPoint(), classLoader)) {
        return TransportBuilders.of(transport);
      }
    }
    throw new AmapiOpsConfigurationException(
        AmapiOpsProperties.PREFIX + ".transport",
        "No amapi-ops transport on the class path.",
        "Add one of "
            + Arrays.stream(Transport.values())
                .map(t -> "dev.amapi:" + t.artifactId())
                .collect(Collectors.joining(", "))
            + ".",
        null);
  }

  private static SSLContext sslContext(ObjectProvider<SslBundles> sslBundles, String name) {
    SslBundles bundles = sslBundles.getIfAvailable();
    try {
      if (bundles == null) {
        throw new NoSuchSslBundleException(name, "the application has no SslBundles bean");
      }
      return bundles.getBundle(name).createSslContext();
    } catch (NoSuchSslBundleException e) {
      throw new AmapiOpsConfigurationException(
          AmapiOpsProperties.PREFIX + ".ssl-bundle",
          AmapiOpsProperties.PREFIX
              + ".ssl-bundle="
              + name
              + " names no SSL bundle: "
              + e.getMessage(),
          "Define spring.ssl.bundle.pem."
              + name
              + " (or .jks."
              + name
              + "), or name another bundle in "
              + AmapiOpsProperties.PREFIX
              + ".ssl-bundle.",
          null);
    }
  }

  private static Executor executor(BeanFactory beanFactory, String name) {
    try {
      return beanFactory.getBean(name, Executor.class);
    } catch (NoSuchBeanDefinitionException e) {
      throw new AmapiOpsConfigurationException(
          AmapiOpsProperties.PREFIX + ".executor",
          AmapiOpsProperties.PREFIX + ".executor=" + name + " names no Executor bean.",
          "Define an Executor bean named "
              + name
              + ", or name another in "
              + AmapiOpsProperties.PREFIX
              + ".executor.",
          null); // not chained: Boot would report it as a missing dependency of a bean
    }
  }

  /**
   * The token source made from {@code amapi.ops.credentials} or the Application Default
   * Credentials, when the application has none and {@code amapi-ops-auth} is on the class path; not
   * made (no credentials looked for) when the application defines its own {@code DeviceOperations}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.amapi.ops.auth.GoogleAccessTokenSource")
  @ConditionalOnMissingBean(DeviceOperations.class)
  static final class GoogleCredentialsConfiguration {
    @Bean
    @ConditionalOnMissingBean
    AccessTokenSource amapiAccessTokenSource(AmapiOpsProperties properties) {
      Resource key = properties.getCredentials();
      GoogleAccessTokenSource tokens = key == null ? applicationDefault() : fromKey(key);
      String quotaProject = properties.getQuotaProject();
      return quotaProject == null ? tokens : tokens.withQuotaProject(quotaProject);
    }

    private static GoogleAccessTokenSource applicationDefault() {
      try {
        return GoogleAccessTokenSource.applicationDefault();
      } catch (IllegalStateException e) {
        throw new AmapiOpsConfigurationException(
            AmapiOpsProperties.PREFIX + ".credentials",
            AmapiOpsProperties.PREFIX + ".credentials is not set, and " + e.getMessage(),
            "Set "
                + AmapiOpsProperties.PREFIX
                + ".credentials to the key's location, such as file:/etc/amapi/sa-key.json, or"
                + " provide Application Default Credentials.",
            e);
      }
    }

    private static GoogleAccessTokenSource fromKey(Resource key) {
      try (InputStream in = key.getInputStream()) {
        return GoogleAccessTokenSource.fromServiceAccountKey(in);
      } catch (IOException | IllegalArgumentException e) {
        throw new AmapiOpsConfigurationException(
            AmapiOpsProperties.PREFIX + ".credentials",
            AmapiOpsProperties.PREFIX
                + ".credentials: "
                + key.getDescription()
                + (e instanceof IOException
                    ? " cannot be read: "
                    : " is not a service-account key: ")
                + e.getMessage(),
            "Point "
                + AmapiOpsProperties.PREFIX
                + ".credentials at a service-account key file (the JSON the Cloud console hands"
                + " out).",
            e);
      }
    }
  }

  /** One class per transport, so that only the chosen one is loaded. */
  private static final class TransportBuilders {
    static DeviceOperationsBuilder<?> of(Transport transport) {
      return switch (transport) {
        case JDK -> Jdk.builder();
        case APACHE -> Apache.builder();
        case OKHTTP -> OkHttp.builder();
      };
    }

    private static final class Jdk {
      static DeviceOperationsBuilder<?> builder() {
        return JdkHttpOperations.builder();
      }
    }

    private static final class Apache {
      static DeviceOperationsBuilder<?> builder() {
        return ApacheHttpOperations.builder();
      }
    }

    private static final class OkHttp {
      static DeviceOperationsBuilder<?> builder() {
        return OkHttpOperations.builder();
      }
    }
  }
}

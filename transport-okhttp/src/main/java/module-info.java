/**
 * The operations ports over OkHttp 5. Start at {@code
 * dev.amapi.ops.transport.okhttp.OkHttpOperations}; its one package is API.
 */
module dev.amapi.ops.transport.okhttp {
  requires transitive dev.amapi.ops.rest;
  requires transitive okhttp3;
  requires static org.jspecify;

  exports dev.amapi.ops.transport.okhttp;
}

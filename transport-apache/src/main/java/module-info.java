/**
 * The operations ports over Apache HttpClient 5's classic client. Start at {@code
 * dev.amapi.ops.transport.apache.ApacheHttpOperations}; its one package is API.
 */
module dev.amapi.ops.transport.apache {
  requires transitive dev.amapi.ops.rest;
  requires transitive org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires static org.jspecify;

  exports dev.amapi.ops.transport.apache;
}

/**
 * What consumers test their code with, and no JUnit: the in-memory fake of the ports, the fake REST
 * server on loopback and the fake token endpoint. Its one package is API.
 */
module dev.amapi.ops.testkit {
  requires transitive dev.amapi.ops.rest;
  requires com.fasterxml.jackson.core;
  requires jdk.httpserver;
  requires static org.jspecify;

  exports dev.amapi.ops.testkit;
}

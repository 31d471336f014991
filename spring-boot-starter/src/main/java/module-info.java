/**
 * Spring Boot auto-configuration for amapi-ops. Spring reads its configuration classes and binds
 * its properties reflectively, so both packages are opened to Spring.
 */
module dev.amapi.ops.spring {
  requires transitive dev.amapi.ops.domain;
  requires transitive dev.amapi.ops.rest;
  requires static dev.amapi.ops.transport.jdk;
  requires static dev.amapi.ops.transport.apache;
  requires static dev.amapi.ops.transport.okhttp;
  requires static dev.amapi.ops.auth;
  requires static dev.amapi.ops.testkit;
  requires static micrometer.observation;
  requires static org.jspecify;
  requires spring.beans;
  requires spring.boot;
  requires spring.boot.autoconfigure;
  requires spring.context;
  requires spring.core;

  exports dev.amapi.ops.spring;
  exports dev.amapi.ops.spring.test;

  opens dev.amapi.ops.spring to
      spring.core,
      spring.beans,
      spring.context;
  opens dev.amapi.ops.spring.test to
      spring.core,
      spring.beans,
      spring.context;
}

/**
 * The port contract: abstract JUnit 5 suites that every implementation of the operations ports
 * extends (both transports, the in-memory fake), so none can drift from the others.
 */
@NullMarked
package dev.amapi.ops.testkit.junit5.contract;

import org.jspecify.annotations.NullMarked;

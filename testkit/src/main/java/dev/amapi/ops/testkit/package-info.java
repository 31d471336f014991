/**
 * What consumers test their Android Management API code with: {@link
 * dev.amapi.ops.testkit.FakeOperations}, an in-memory fake of the operation ports, and {@link
 * dev.amapi.ops.testkit.FakeAmapiServer}, a real HTTP server on loopback that speaks the REST API
 * over the same fake state or answers scripted responses.
 */
@NullMarked
package dev.amapi.ops.testkit;

import org.jspecify.annotations.NullMarked;

/**
 * The REST binding of the operations API, written once and shared by every transport: URLs, JSON,
 * the Google error envelope, headers, retries and settings, plus the small {@link
 * dev.amapi.ops.rest.HttpExchange} interface a transport implements to move the bytes.
 */
@NullMarked
package dev.amapi.ops.rest;

import org.jspecify.annotations.NullMarked;

/**
 * The operations ports over Apache HttpClient 5's async client. Start at {@link
 * dev.amapi.ops.transport.apache.ApacheHttpOperations}.
 */
@NullMarked
package dev.amapi.ops.transport.apache;

import org.jspecify.annotations.NullMarked;

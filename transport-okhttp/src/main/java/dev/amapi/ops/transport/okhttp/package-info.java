/**
 * The operations ports over OkHttp 5. Start at {@link
 * dev.amapi.ops.transport.okhttp.OkHttpOperations}.
 */
@NullMarked
package dev.amapi.ops.transport.okhttp;

import org.jspecify.annotations.NullMarked;

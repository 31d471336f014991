/**
 * The operations ports over the JDK's {@code java.net.http.HttpClient}: no dependency beyond the
 * JDK and the REST binding. Start at {@link dev.amapi.ops.transport.jdk.JdkHttpOperations}.
 */
@NullMarked
package dev.amapi.ops.transport.jdk;

import org.jspecify.annotations.NullMarked;

package dev.amapi.ops.rest.event;

import java.net.URI;

/**
 * A call began: sent by the thread that made it, before its token is fetched.
 *
 * @param callId identifies the call among the client's calls in this JVM; every event of the call
 *     carries it, so a listener can keep state for a call that ends on another thread
 * @param kind which API method this is
 * @param resource the operation's name (cancel, get) or the device's (list)
 * @param httpMethod {@code GET} or {@code POST}
 * @param uri the request's URL, query included (it never holds a credential)
 * @param transport the transport's name, such as {@code JdkHttpOperations}
 * @param async whether the call was made with an async method
 */
public record CallStart(
    long callId,
    OperationKind kind,
    String resource,
    String httpMethod,
    URI uri,
    String transport,
    boolean async) {}

/**
 * The transport SPI: the whole contract of an HTTP transport, and nothing a user of the SDK calls.
 *
 * <p>A transport implements {@link dev.amapi.ops.rest.spi.HttpTransport}: it turns a {@link
 * dev.amapi.ops.rest.spi.TransportRequest} into one HTTP exchange on its library, hands back a
 * {@link dev.amapi.ops.rest.spi.TransportResponse} (status, headers, body read up to a cap), and
 * ends an exchange in flight when asked ({@link dev.amapi.ops.rest.spi.HttpTransport.Exchange#abort
 * abort}). It switches off whatever its library would do behind the SDK's back (retries, redirects,
 * cookies) and sets no restricted header by hand.
 *
 * <p>Everything else is the binding's, written once for every transport: URLs and escaping, JSON,
 * authentication and the 401 refresh, the per-attempt timeout and the per-call deadline (the
 * binding aborts the exchange when either passes, on its own clock), retries, the classification of
 * failures, and the threads async calls run on.
 */
@NullMarked
package dev.amapi.ops.rest.spi;

import org.jspecify.annotations.NullMarked;

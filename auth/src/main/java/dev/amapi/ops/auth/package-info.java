/**
 * Access tokens from Google credentials: {@link dev.amapi.ops.auth.GoogleAccessTokenSource}, the
 * {@link dev.amapi.ops.domain.port.AccessTokenSource} over google-auth-library (Application Default
 * Credentials, service-account key files, quota project, universe domain).
 */
@NullMarked
package dev.amapi.ops.auth;

import org.jspecify.annotations.NullMarked;

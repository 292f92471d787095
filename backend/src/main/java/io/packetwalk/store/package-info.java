/**
 * Lab documents on the wire: the strict JSON codec (size limit, exact paths in every error,
 * migration of older schema versions) and the {@code /api/labs} endpoints that import, export and
 * validate labs.
 */
package io.packetwalk.store;

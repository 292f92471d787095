/**
 * Saved, shared labs: immutable versions of lab documents in a database (embedded H2 by default,
 * PostgreSQL when configured), reached through view and edit links whose secrets are kept only as
 * hashes; {@code /api/shared} and the {@code /shared/...} link pages.
 */
package io.packetwalk.share;

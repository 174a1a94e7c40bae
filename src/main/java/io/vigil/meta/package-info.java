/**
 * The embedded metadata database (H2) and its versioned schema migrations.
 */
package io.vigil.meta;

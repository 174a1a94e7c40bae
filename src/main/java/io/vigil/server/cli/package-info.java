/**
 * Command-line tools registered in {@link io.vigil.server.Main}: offline user and token administration
 * ({@code vigil user}, {@code vigil token}; the server must be stopped because it holds the database
 * lock), {@code vigil audit verify}, and {@code vigil exposure-check}. Every change made here is written
 * to the audit log with actor {@code cli:<os user>}. Passwords never come from arguments: stdin, the
 * environment or a terminal prompt ({@code PasswordInput}). Read {@code UserCommand} first.
 */
package io.vigil.server.cli;

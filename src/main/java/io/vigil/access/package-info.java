/**
 * Accounts, API tokens and roles: password hashing (Argon2id), token hashing, and the checks the web layer asks for. Usable offline by the CLI.
 */
package io.vigil.access;

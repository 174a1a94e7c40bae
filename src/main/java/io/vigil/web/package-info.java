/**
 * Stage 9: the HTTP API and console. One route table declares the role every route needs; authentication on everything but health and login.
 */
package io.vigil.web;

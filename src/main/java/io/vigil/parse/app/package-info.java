/**
 * Decoders for application log formats that are neither syslog nor JSON: Apache httpd error logs
 * ({@link io.vigil.parse.app.ApacheErrorDecoder}, read first), Hadoop HDFS daemon logs, Windows CBS
 * servicing logs and the labelled supercomputer syslog of the loghub sets. Each claims only lines with
 * its exact prefix so detection stays unambiguous. Stateless and thread-safe.
 */
package io.vigil.parse.app;

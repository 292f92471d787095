/** {@code pw}: Packetwalk's own command that makes hosts, underlay switches and physical NICs. */
package io.packetwalk.shell.hosts;

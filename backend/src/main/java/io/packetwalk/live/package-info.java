/** Live labs across instances: the edit log in the database and PostgreSQL LISTEN/NOTIFY. */
package io.packetwalk.live;

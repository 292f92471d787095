/** Lab documents on the wire: strict JSON codec, schema migrations, /api/labs endpoints. */
package io.packetwalk.store;

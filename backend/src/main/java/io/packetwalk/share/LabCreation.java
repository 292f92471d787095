package io.packetwalk.share;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/** A lab some client address made (table {@code lab_creation}), known by the address's hash. */
record LabCreation(@Id Long id, String addressHash, Instant createdAt) {}

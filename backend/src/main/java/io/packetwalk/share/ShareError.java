package io.packetwalk.share;

import io.packetwalk.lab.LabProblem;
import java.util.List;

/**
 * Every {@code /api/shared} error body: a stable code, a sentence a person can act on, and for a
 * lab document that cannot be read, its problems with their JSON paths (otherwise empty).
 */
record ShareError(String error, String message, List<LabProblem> problems) {}

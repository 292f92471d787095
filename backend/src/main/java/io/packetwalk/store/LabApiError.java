package io.packetwalk.store;

import io.packetwalk.lab.LabProblem;
import java.util.List;

/** Every {@code /api/labs} error body: a stable code, a sentence, and the problems with paths. */
record LabApiError(String error, String message, List<LabProblem> problems) {}

package io.packetwalk.store;

import io.packetwalk.lab.LabProblem;
import java.util.List;

/**
 * What {@code POST /api/labs/validate} answers: whether the document can be loaded and built, the
 * version it was written in (null when unreadable), and every problem with its path.
 */
record ValidationReport(
    boolean valid, Integer writtenVersion, boolean migrated, List<LabProblem> problems) {}

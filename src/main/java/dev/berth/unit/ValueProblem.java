package dev.berth.unit;

import dev.berth.diag.Code;

/** Why a string cannot be written into a unit as it is, and how the user can fix it. */
public record ValueProblem(Code code, String summary, String hint) {
}

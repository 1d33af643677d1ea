package dev.berth.probe;

/** Why a probe failed, in words: thrown where it is known, made the probe's result in one place. */
final class ProbeFailure extends Exception {
    ProbeFailure(String detail) {
        super(detail, null, false, false); // an answer, not a fault: no stack trace to fill
    }
}

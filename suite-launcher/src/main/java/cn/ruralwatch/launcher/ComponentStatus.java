package cn.ruralwatch.launcher;

import java.util.OptionalLong;

/**
 * What a component is doing now, as {@code bin/suite status} prints it.
 *
 * @param detail e.g. {@code healthy}, {@code not running}, {@code not ready (503)}
 */
public record ComponentStatus(String name, State state, OptionalLong pid, String address, String detail) {

    public enum State {
        /** It runs and answers. */
        HEALTHY,
        /** Its process runs but it does not answer (starting, or something it needs is down). */
        UNHEALTHY,
        /** No process. */
        DOWN
    }

    public boolean healthy() {
        return state == State.HEALTHY;
    }
}

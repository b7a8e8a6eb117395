package cn.ruralwatch.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of idempotent consumption ({@code ruralwatch.inbox.*}). */
@ConfigMapping(prefix = "ruralwatch.inbox")
public interface InboxConfig {

    /**
     * Attempts at an event whose failure is not known to be transient before it is parked as a dead letter. A few,
     * because a failure that is neither clearly transient nor clearly the event's own (an unforeseen race) may pass.
     */
    @WithDefault("3")
    int attempts();

    /** First pause after a transient failure (the database or the network away); it doubles up to the maximum. */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** Longest pause between attempts while a transient failure lasts; the consumer waits as long as it lasts. */
    @WithDefault("15s")
    Duration maxBackoff();
}

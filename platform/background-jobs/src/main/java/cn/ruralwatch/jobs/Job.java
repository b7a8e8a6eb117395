package cn.ruralwatch.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A job as stored: what it is, who asked, how far it came and how it ended. */
public record Job(
        UUID id,
        String kind,
        String scopeDivision,
        String fairnessKey,
        String requestedBy,
        Instant requestedAt,
        JsonNode parameters,
        JobState state,
        boolean cancelRequested,
        int attempts,
        int maxAttempts,
        Map<String, Object> progress,
        Map<String, Object> result,
        String error,
        Instant startedAt,
        Instant finishedAt) {}

package cn.ruralwatch.events;

import java.time.LocalDate;

/**
 * {@code project.changed.v1}: a project entered the pool or took a step of its lifecycle (or had its beneficiaries
 * changed). Key: the project id.
 */
public record ProjectChanged(String action, String actor, LocalDate performedOn, ProjectState project)
        implements FundEvent {}

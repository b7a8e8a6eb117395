-- What caused each event and each background job: the W3C trace context (traceparent, tracestate) of the span it was
-- written in — the request's, the applied event's, the job's — and the request id (X-Request-Id) of the request behind
-- it. The relay publishes an event's as CloudEvents extension headers (ce_traceparent, ce_tracestate, ce_requestid);
-- a job runs in a span continuing its request's trace, with the request id in its log context, and the events it
-- writes (an import's households) carry them on. Null for rows written before, and for work no request caused.
alter table outbox_event
    add column traceparent text,
    add column tracestate  text,
    add column request_id  text;
alter table background_job
    add column traceparent text,
    add column tracestate  text,
    add column request_id  text;

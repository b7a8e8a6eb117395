-- What caused each event: the W3C trace context (traceparent, tracestate) of the span it was written in — the
-- request's or the applied event's — and the request id (X-Request-Id) of the request behind it. The relay publishes
-- them as CloudEvents extension headers (ce_traceparent, ce_tracestate, ce_requestid). Null for rows written before,
-- and for work no request caused.
alter table outbox_event
    add column traceparent text,
    add column tracestate  text,
    add column request_id  text;

-- availability_service_page (migration 0020) returned its buckets, incidents and maintenance
-- windows as positional arrays, decoded in TypeScript by position. It now returns JSON objects
-- with named members: the same members as the typed reads (lib/availability/rollups/rollup-reads.ts
-- BucketJson, lib/availability/incidents/incident-rows.ts IncidentRow, registry-queries.ts
-- MaintenanceRow), so a column added or moved cannot be read into the wrong field.
-- lib/availability/views/detail-read.service.test.ts keeps it equal to those reads.
-- Same signature, same plan setting: the plan is still made once per connection and reused.
CREATE OR REPLACE FUNCTION availability_service_page(
  p_service uuid,
  p_strip_from date, p_strip_end date,   -- the daily strip: [from, end)
  p_hist_from date,                      -- strip days from here on carry their histogram
  p_hours_from timestamptz, p_hours_end timestamptz, p_hours_hist boolean,
  p_from timestamptz, p_to timestamptz   -- incidents and maintenance overlapping [from, to)
) RETURNS TABLE (strip json, hours json, incidents json, maintenance json)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
  RETURN QUERY SELECT
    (SELECT json_agg(a) FROM (
       SELECT d.service_id,
              json_agg(json_build_object('start', d.day, 'healthy', d.healthy, 'degraded', d.degraded, 'down', d.down,
                                         'maintenance', d.maintenance, 'latencySum', d.latency_sum, 'latencyCount', d.latency_count,
                                         'latencyHist', CASE WHEN d.day >= p_hist_from THEN d.latency_hist END) ORDER BY d.day) AS buckets
         FROM availability_daily d
        WHERE d.service_id = p_service AND d.day >= p_strip_from AND d.day < p_strip_end
        GROUP BY d.service_id) a),
    (SELECT json_agg(b) FROM (
       SELECT h.service_id,
              json_agg(json_build_object('start', h.hour, 'healthy', h.healthy, 'degraded', h.degraded, 'down', h.down,
                                         'maintenance', h.maintenance, 'latencySum', h.latency_sum, 'latencyCount', h.latency_count,
                                         'latencyHist', CASE WHEN p_hours_hist THEN h.latency_hist END) ORDER BY h.hour) AS buckets
         FROM availability_hourly h
        WHERE h.service_id = p_service AND h.hour >= p_hours_from AND h.hour < p_hours_end
        GROUP BY h.service_id) b),
    (SELECT json_agg(json_build_object('id', i.id, 'serviceId', i.service_id, 'serviceKey', s.key, 'serviceName', s.name,
                                       'title', i.title, 'severity', i.severity, 'source', i.source,
                                       'startedAt', i.started_at, 'detectedAt', i.detected_at,
                                       'acknowledgedAt', i.acknowledged_at, 'acknowledgedByName', u.name,
                                       'resolvedAt', i.resolved_at, 'rootCause', i.root_cause, 'postmortemUrl', i.postmortem_url)
                     ORDER BY i.started_at DESC)
       FROM (SELECT * FROM availability_incidents x
              WHERE x.service_id = p_service AND x.started_at < p_to AND (x.resolved_at IS NULL OR x.resolved_at >= p_from)
              ORDER BY x.started_at DESC LIMIT 500) i
       JOIN availability_services s ON s.id = i.service_id
       LEFT JOIN users u ON u.id = i.acknowledged_by),
    (SELECT json_agg(json_build_object('id', m.id, 'serviceId', m.service_id, 'serviceName', s.name,
                                       'startsAt', m.starts_at, 'endsAt', m.ends_at, 'reason', m.reason)
                     ORDER BY m.starts_at DESC)
       FROM availability_maintenance m LEFT JOIN availability_services s ON s.id = m.service_id
      WHERE m.starts_at < p_to AND m.ends_at >= p_from AND (m.service_id IS NULL OR m.service_id = p_service));
END
$$;

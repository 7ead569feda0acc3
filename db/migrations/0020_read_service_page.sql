-- Everything a service page reads (lib/availability/detail-read.ts), as one function so that
-- its plan is made once per connection and reused: the page is read often and its parameters
-- (the window's bounds) change on every load, so PostgreSQL would otherwise plan it afresh
-- each time, a third of its cost. The generic plan is the same index scans a fresh plan picks
-- (each part is led by the service id).
-- Buckets come back in the JSON shape of bucketsSql() in lib/availability/queries.ts: one
-- element per service (here at most one) with its buckets as arrays, oldest first.
CREATE FUNCTION availability_service_page(
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
       SELECT d.service_id, json_agg(json_build_array(d.day, d.healthy, d.degraded, d.down, d.maintenance, d.latency_sum, d.latency_count,
                                                      CASE WHEN d.day >= p_hist_from THEN d.latency_hist END) ORDER BY d.day) AS buckets
         FROM availability_daily d
        WHERE d.service_id = p_service AND d.day >= p_strip_from AND d.day < p_strip_end
        GROUP BY d.service_id) a),
    (SELECT json_agg(b) FROM (
       SELECT h.service_id, json_agg(json_build_array(h.hour, h.healthy, h.degraded, h.down, h.maintenance, h.latency_sum, h.latency_count,
                                                      CASE WHEN p_hours_hist THEN h.latency_hist END) ORDER BY h.hour) AS buckets
         FROM availability_hourly h
        WHERE h.service_id = p_service AND h.hour >= p_hours_from AND h.hour < p_hours_end
        GROUP BY h.service_id) b),
    (SELECT json_agg(json_build_array(i.id, i.service_id, s.key, s.name, i.title, i.severity, i.source, i.started_at, i.detected_at,
                                      i.acknowledged_at, u.name, i.resolved_at, i.root_cause, i.postmortem_url) ORDER BY i.started_at DESC)
       FROM (SELECT * FROM availability_incidents x
              WHERE x.service_id = p_service AND x.started_at < p_to AND (x.resolved_at IS NULL OR x.resolved_at >= p_from)
              ORDER BY x.started_at DESC LIMIT 500) i
       JOIN availability_services s ON s.id = i.service_id
       LEFT JOIN users u ON u.id = i.acknowledged_by),
    (SELECT json_agg(json_build_array(m.id, m.service_id, s.name, m.starts_at, m.ends_at, m.reason) ORDER BY m.starts_at DESC)
       FROM availability_maintenance m LEFT JOIN availability_services s ON s.id = m.service_id
      WHERE m.starts_at < p_to AND m.ends_at >= p_from AND (m.service_id IS NULL OR m.service_id = p_service));
END
$$;

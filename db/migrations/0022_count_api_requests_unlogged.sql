-- Rate-limit counters need no crash safety: after a crash PostgreSQL empties an unlogged
-- table, and the worst that follows is one window's requests counted afresh. Logged, every
-- machine request wrote WAL for its two counters, so even a read-only one (an allowed
-- consent check) waited at commit for a WAL flush; unlogged, such a request writes no WAL
-- and its commit does not wait. A key's last-use time, kept to the minute, stays logged
-- in api_keys. (Counters are not carried to standbys either: a promoted standby starts
-- every window at zero.)
ALTER TABLE api_key_usage SET UNLOGGED;

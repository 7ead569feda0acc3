import "server-only";

/**
 * The availability module's verbs. Those of people take `(tx, ctx, input)` and audit last in
 * the caller's transaction (actions.ts runs them through withTransaction); the machine paths
 * (pushed samples, the worker's probes and retention) open what they need themselves.
 */
export { acknowledgeIncident, addIncidentUpdate, openIncident, resolveIncident } from "./incidents/incident-service";
export {
  cancelMaintenance,
  createMaintenance,
  createService,
  setRetention,
  updateService,
  type NewService,
} from "./registry/registry-service";
export { ingestPushedBatch } from "./ingest/push";
export { runDueProbes } from "./probes/scheduler";
export { pruneRawSamples } from "./rollups/retention";
export { recordReportExport } from "./sla/report-csv";
/** The demo's simulated AI services (app/api/simulated), probed like real ones. */
export { simulate } from "./probes/simulator";

/**
 * Bulk writers of history (the demo seed, the benchmark): the statement that adds inserted
 * samples to the rollups, and incidents with their timelines written as they happened. They
 * write no audit event: the caller records what it did.
 */
export { rollupStatement } from "./rollups/rollup-sql";
export { addTimelineEntry, insertIncident, type Author, type NewIncident } from "./incidents/incident-store";

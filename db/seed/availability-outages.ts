import type { Severity } from "@/lib/availability/vocabulary";

/**
 * The demo's outages over its 90 days of history: when each began (days ago, UTC hour), how
 * long it lasted, how soon ops acknowledged it, and what caused it.
 */
export type Outage = {
  service: string;
  daysAgo: number;
  hour: number;
  minutes: number;
  severity: Severity;
  rootCause: string;
  postmortem?: boolean;
  ackMinutes: number;
};

export const OUTAGES: Outage[] = [
  {
    service: "inference_api",
    daysAgo: 83,
    hour: 14,
    minutes: 38,
    severity: "sev1",
    rootCause: "GPU node pool exhausted after an autoscaler misconfiguration.",
    postmortem: true,
    ackMinutes: 4,
  },
  {
    service: "inference_api",
    daysAgo: 41,
    hour: 9,
    minutes: 12,
    severity: "sev1",
    rootCause: "A bad model artifact was promoted; the loader crashed on start.",
    postmortem: true,
    ackMinutes: 3,
  },
  {
    service: "inference_api",
    daysAgo: 6,
    hour: 21,
    minutes: 7,
    severity: "sev2",
    rootCause: "Expired TLS certificate on the internal load balancer.",
    ackMinutes: 2,
  },
  {
    service: "training_pipeline",
    daysAgo: 70,
    hour: 3,
    minutes: 95,
    severity: "sev2",
    rootCause: "Object storage quota reached; checkpoints could not be written.",
    ackMinutes: 25,
  },
  {
    service: "training_pipeline",
    daysAgo: 25,
    hour: 11,
    minutes: 44,
    severity: "sev3",
    rootCause: "Scheduler deadlock after a Kubernetes upgrade.",
    ackMinutes: 9,
  },
  {
    service: "model_registry",
    daysAgo: 55,
    hour: 16,
    minutes: 21,
    severity: "sev2",
    rootCause: "Database connection pool exhausted by a runaway export job.",
    ackMinutes: 6,
  },
  {
    service: "feature_store",
    daysAgo: 33,
    hour: 7,
    minutes: 16,
    severity: "sev2",
    rootCause: "Redis failover took longer than the client timeout.",
    postmortem: true,
    ackMinutes: 5,
  },
  {
    service: "feature_store",
    daysAgo: 12,
    hour: 2,
    minutes: 30,
    severity: "sev3",
    rootCause: "Planned failover drill (inside the maintenance window).",
    ackMinutes: 1,
  },
  {
    service: "monitoring_dashboard",
    daysAgo: 18,
    hour: 13,
    minutes: 52,
    severity: "sev4",
    rootCause: "Frontend deploy with a broken asset manifest.",
    ackMinutes: 14,
  },
];

import type { EventType, Outcome } from "@/lib/audit/vocabulary";

type Tone = "neutral" | "accent" | "green" | "amber" | "red";

/** `permission_change` → "Permission change". */
export function humanize(value: string): string {
  const text = value.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Badge tone per event type: what an auditor scans for (security, access) stands out. */
export function eventTypeTone(type: string): Tone {
  switch (type as EventType) {
    case "security_alert":
    case "vulnerability_detected":
    case "access_denied":
      return "red";
    case "permission_change":
    case "config_change":
    case "data_deletion":
      return "amber";
    case "data_access":
    case "data_modification":
    case "data_export":
      return "accent";
    case "model_training":
    case "model_inference":
    case "model_deployment":
    case "model_update":
      return "green";
    default:
      return "neutral";
  }
}

export function outcomeTone(outcome: string): Tone {
  return ({ success: "green", failure: "red", denied: "amber" } as Record<Outcome, Tone>)[outcome as Outcome] ?? "neutral";
}

/** One fixed colour per type, so a type keeps its colour whichever types a chart shows. */
export const EVENT_TYPE_COLORS: Record<EventType, string> = {
  login: "#6366f1",
  logout: "#a5b4fc",
  access_denied: "#dc2626",
  data_access: "#0ea5e9",
  data_modification: "#0284c7",
  data_deletion: "#f59e0b",
  data_export: "#7dd3fc",
  model_training: "#10b981",
  model_inference: "#34d399",
  model_deployment: "#059669",
  model_update: "#6ee7b7",
  config_change: "#d97706",
  permission_change: "#fbbf24",
  security_alert: "#ef4444",
  vulnerability_detected: "#f87171",
};

/** UTC to the second, so server and browser render the same text. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

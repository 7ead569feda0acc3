"use client";

import { ErrorContent } from "@/components/feedback/error-content";

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorContent error={error} retry={retry} compact />;
}

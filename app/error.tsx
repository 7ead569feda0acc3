"use client";

import { ErrorContent } from "@/components/feedback/error-content";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorContent error={error} retry={retry} />;
}

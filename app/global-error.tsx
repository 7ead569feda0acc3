"use client";

import { ErrorContent } from "@/components/feedback/error-content";
import "./globals.css";

/** Replaces the root layout when it fails, so it brings its own document and styles. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-50 font-sans text-sm text-zinc-900">
        <title>Something went wrong · Assay</title>
        <ErrorContent error={error} retry={retry} homeLink={false} />
      </body>
    </html>
  );
}

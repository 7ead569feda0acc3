"use client";

import { Button, ButtonLink } from "@/components/ui/button";
import { StatusPage } from "./status-page";

/** What an error boundary shows: no message or stack (they may hold internals), only the digest. */
export function ErrorContent({
  error,
  retry,
  compact = false,
  homeLink = true,
}: {
  error: unknown;
  retry: () => void;
  compact?: boolean;
  homeLink?: boolean;
}) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <StatusPage
      compact={compact}
      code="Error"
      title="Something went wrong"
      actions={
        <>
          <Button onClick={() => retry()}>Try again</Button>
          {homeLink ? <ButtonLink href="/">Back to home</ButtonLink> : null}
        </>
      }
    >
      <p>This page could not be shown. Try again in a moment; if you were saving a change, check whether it went through first.</p>
      {digest ? (
        <p className="text-xs text-zinc-500">
          If it keeps happening, send this reference to your administrator:{" "}
          <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-zinc-700">{digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}

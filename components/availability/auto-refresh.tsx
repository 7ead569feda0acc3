"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const EVERY_MS = 30_000;

/**
 * Re-renders the page's server components every 30 s while the tab is visible (the worker
 * probes every 30 s), and at once when a hidden tab comes back stale. `generatedAt` is when
 * the server computed the figures, so the note tells the truth even if a refresh fails.
 */
export function AutoRefresh({ generatedAt }: { generatedAt: string }) {
  const router = useRouter();
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (paused) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      clearInterval(timer);
      timer = setInterval(() => {
        if (document.visibilityState === "visible") router.refresh();
      }, EVERY_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState !== "visible") return;
      if (Date.now() - new Date(generatedAt).getTime() >= EVERY_MS) router.refresh();
      start();
    };
    start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [paused, router, generatedAt]);

  // UTC on both server and client, so hydration agrees whatever the browser's zone.
  const time = new Date(generatedAt).toISOString().slice(11, 19);
  return (
    <p className="flex items-center gap-2 text-xs text-zinc-500 print:hidden">
      <span aria-hidden="true" className={`size-1.5 rounded-full ${paused ? "bg-zinc-300" : "animate-pulse bg-emerald-500"}`} />
      <span>
        Updated <time dateTime={generatedAt}>{time} UTC</time> · {paused ? "auto-refresh paused" : "refreshes every 30 s"}
      </span>
      <button
        type="button"
        aria-pressed={paused}
        onClick={() => setPaused((p) => !p)}
        className="rounded px-1.5 py-0.5 font-medium text-zinc-600 ring-1 ring-zinc-200 hover:bg-zinc-50 hover:text-zinc-900"
      >
        {paused ? "Resume" : "Pause"}
      </button>
    </p>
  );
}

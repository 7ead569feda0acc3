type Tone = "neutral" | "accent" | "green" | "amber" | "red";

const TONES: Record<Tone, string> = {
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  accent: "bg-accent-50 text-accent-700 ring-accent-100",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  red: "bg-red-50 text-red-700 ring-red-200",
};

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: React.ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

/** A status with a coloured dot, for tables: the word carries the meaning, the colour helps. */
export function StatusDot({ tone, children }: { tone: "green" | "red" | "amber" | "neutral"; children: React.ReactNode }) {
  const dot = { green: "bg-emerald-500", red: "bg-red-500", amber: "bg-amber-500", neutral: "bg-zinc-400" }[tone];
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-zinc-700">
      <span aria-hidden="true" className={`size-1.5 rounded-full ${dot}`} />
      {children}
    </span>
  );
}

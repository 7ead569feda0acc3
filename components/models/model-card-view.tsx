import type { ModelCard } from "@/lib/governance/gates";

const FIELDS: [keyof Omit<ModelCard, "riskTier">, string][] = [
  ["intendedUse", "Intended use"],
  ["limitations", "Limitations"],
  ["knownBiases", "Known biases"],
];

/** The model card as approvers read it; a missing field says so rather than hiding. */
export function ModelCardView({ card }: { card: ModelCard }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 px-5 py-4 text-[13px] sm:grid-cols-[8.5rem_1fr]">
      {FIELDS.map(([key, label]) => (
        <div key={key} className="contents">
          <dt className="font-medium text-zinc-500">{label}</dt>
          <dd className="whitespace-pre-line text-zinc-800">{card[key].trim() || <span className="text-amber-700">Missing</span>}</dd>
        </div>
      ))}
      <dt className="font-medium text-zinc-500">Risk tier</dt>
      <dd className="text-zinc-800 capitalize">{card.riskTier ?? <span className="text-amber-700 normal-case">Not assessed</span>}</dd>
    </dl>
  );
}

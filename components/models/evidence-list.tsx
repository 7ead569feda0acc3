import { CopyButton } from "@/components/audit/copy-button";

/** The artifact and training-data fingerprints approvals are bound to, in full and copyable. */
export function EvidenceList({
  artifactUri,
  artifactDigest,
  trainingDataHash,
}: {
  artifactUri: string;
  artifactDigest: string;
  trainingDataHash: string;
}) {
  const rows: [string, string][] = [
    ["Artifact digest", artifactDigest],
    ["Training data hash", trainingDataHash],
    ["Artifact URI", artifactUri],
  ];
  return (
    <dl className="space-y-3 px-5 py-4 text-[13px]">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="font-medium text-zinc-500">{label}</dt>
          <dd className="mt-0.5 flex items-start justify-between gap-3">
            <code className="font-mono text-xs break-all text-zinc-800">{value}</code>
            <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

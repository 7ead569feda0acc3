import { formatBytes } from "@/lib/controls/evidence-file";

export type EvidenceRow = {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  evidenceDate: string;
  uploadedAt: string;
  uploadedByName: string;
  links?: number;
  outsidePeriod?: boolean;
};

/** Evidence with what an auditor checks: the hash, the size and type, when it was true and when it arrived. */
export function EvidenceTable({
  rows,
  caption,
  empty,
  compact = false,
}: {
  rows: EvidenceRow[];
  caption: string;
  empty: React.ReactNode;
  compact?: boolean;
}) {
  if (rows.length === 0) return <>{empty}</>;
  if (compact) return <EvidenceList rows={rows} caption={caption} />;
  const showLinks = rows.some((r) => r.links !== undefined);
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-[13px]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-zinc-200 bg-zinc-50/80 text-xs text-zinc-500">
            <th scope="col" className="px-3 py-2 pl-4 font-medium">
              File
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              SHA-256
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Size · type
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Evidence date
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Uploaded
            </th>
            {showLinks ? (
              <th scope="col" className="px-3 py-2 pr-4 font-medium">
                Tests
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((e) => (
            <tr key={e.id}>
              <td className="px-3 py-2 pl-4">
                <a href={`/api/controls/evidence/${e.id}`} className="font-medium break-all text-accent-700 hover:underline" download>
                  {e.filename}
                </a>
              </td>
              <td className="px-3 py-2">
                <code title={e.sha256} className="font-mono text-xs text-zinc-600">
                  {e.sha256.slice(0, 16)}…
                </code>
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-zinc-600">
                {formatBytes(e.sizeBytes)} · {e.contentType.split("/")[1]?.split(".").pop()}
              </td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                {e.evidenceDate}
                {e.outsidePeriod ? <span className="ml-1.5 text-xs font-medium text-amber-700">outside the period</span> : null}
              </td>
              <td className="px-3 py-2 text-xs whitespace-nowrap text-zinc-500">
                {e.uploadedAt.slice(0, 16).replace("T", " ")} UTC · {e.uploadedByName}
              </td>
              {showLinks ? <td className="px-3 py-2 pr-4 tabular-nums">{e.links}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same facts stacked, for a narrow column. */
function EvidenceList({ rows, caption }: { rows: EvidenceRow[]; caption: string }) {
  return (
    <ul aria-label={caption} className="divide-y divide-zinc-100 text-[13px]">
      {rows.map((e) => (
        <li key={e.id} className="px-5 py-3">
          <a href={`/api/controls/evidence/${e.id}`} className="font-medium break-all text-accent-700 hover:underline" download>
            {e.filename}
          </a>
          <p className="mt-0.5 text-xs text-zinc-500">
            {formatBytes(e.sizeBytes)} · {e.contentType} · evidence date <span className="tabular-nums">{e.evidenceDate}</span>
            {e.outsidePeriod ? <span className="ml-1 font-medium text-amber-700">(outside the period)</span> : null}
          </p>
          <p className="text-xs text-zinc-500">
            uploaded {e.uploadedAt.slice(0, 16).replace("T", " ")} UTC by {e.uploadedByName}
          </p>
          <code className="mt-0.5 block font-mono text-[11px] break-all text-zinc-600">sha256:{e.sha256}</code>
        </li>
      ))}
    </ul>
  );
}

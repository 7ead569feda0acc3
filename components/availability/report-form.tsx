import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { FieldError, inputClass } from "@/components/ui/field";

export type ReportPreset = { label: string; from: string; to: string; group: "range" | "period" };
export type ReportFormValues = { service: string; from: string; to: string };

export function reportHref(values: ReportFormValues): string {
  return `/availability/report?${new URLSearchParams({ service: values.service, from: values.from, to: values.to })}`;
}

/**
 * The report's period and scope. A plain GET form: the URL is the report, so a link (or a
 * bookmark an auditor keeps) reproduces it. Presets keep the chosen service.
 */
export function ReportForm({
  values,
  services,
  presets,
  errors = {},
}: {
  values: ReportFormValues;
  services: { key: string; name: string }[];
  presets: ReportPreset[];
  errors?: Record<string, string[] | undefined>;
}) {
  const ranges = presets.filter((p) => p.group === "range");
  const periods = presets.filter((p) => p.group === "period");
  return (
    <section aria-label="Report period" className="rounded-lg border border-zinc-200 bg-white shadow-xs print:hidden">
      {/* Keyed by the values: a preset link navigates on the client, and the inputs' defaults must follow. */}
      <form
        key={`${values.service}|${values.from}|${values.to}`}
        method="get"
        action="/availability/report"
        className="flex flex-wrap items-start gap-3 border-b border-zinc-100 px-4 py-4"
      >
        <Labelled id="report-service" label="Service" errors={errors.service}>
          <select
            id="report-service"
            name="service"
            aria-describedby={errors.service ? "report-service-error" : undefined}
            aria-invalid={errors.service ? true : undefined}
            defaultValue={values.service}
            className={`${inputClass} w-56`}
          >
            <option value="all">All services</option>
            {services.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="report-from" label="From" errors={errors.from}>
          <input
            id="report-from"
            name="from"
            type="date"
            defaultValue={values.from}
            aria-describedby={errors.from ? "report-from-error" : undefined}
            aria-invalid={errors.from ? true : undefined}
            className={`${inputClass} w-44`}
          />
        </Labelled>
        <Labelled id="report-to" label="To (inclusive)" errors={errors.to}>
          <input
            id="report-to"
            name="to"
            type="date"
            defaultValue={values.to}
            aria-describedby={errors.to ? "report-to-error" : undefined}
            aria-invalid={errors.to ? true : undefined}
            className={`${inputClass} w-44`}
          />
        </Labelled>
        <button type="submit" className={buttonClass("primary", "md", "mt-[26px]")}>
          Show report
        </button>
      </form>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-[13px]">
        <span className="text-xs font-medium text-zinc-500">Presets</span>
        <PresetLinks presets={ranges} values={values} />
        {periods.length > 0 ? (
          <>
            <span aria-hidden="true" className="h-4 w-px bg-zinc-200" />
            <span className="text-xs font-medium text-zinc-500">Audit periods</span>
            <PresetLinks presets={periods} values={values} />
          </>
        ) : null}
      </div>
    </section>
  );
}

function PresetLinks({ presets, values }: { presets: ReportPreset[]; values: ReportFormValues }) {
  return (
    <ul className="flex flex-wrap gap-1.5">
      {presets.map((p) => {
        const current = p.from === values.from && p.to === values.to;
        return (
          <li key={`${p.label}-${p.from}`}>
            <Link
              href={reportHref({ service: values.service, from: p.from, to: p.to })}
              aria-current={current ? "true" : undefined}
              title={`${p.from} – ${p.to}`}
              className={`inline-flex rounded-full px-2.5 py-0.5 text-[13px] font-medium ring-1 ring-inset ${current ? "bg-accent-50 text-accent-700 ring-accent-200" : "text-zinc-700 ring-zinc-200 hover:bg-zinc-50"}`}
            >
              {p.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function Labelled({ id, label, errors, children }: { id: string; label: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-[13px] font-medium text-zinc-800">
        {label}
      </label>
      {children}
      <FieldError id={`${id}-error`} errors={errors ?? []} />
    </div>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { buttonClass, SubmitButton } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { EVENT_TYPES, OUTCOMES } from "@/lib/audit/vocabulary";
import { hasFilters, listHref, listQuery, type AuditListView } from "./audit-url";
import { humanize } from "./event-display";

type Actor = { value: string; label: string };

/** `datetime-local` has no zone: the filters are in UTC, like every time on these pages. */
function toInputValue(iso: string | undefined): string {
  return iso ? iso.slice(0, 16) : "";
}

function fromInputValue(value: FormDataEntryValue | null): string | undefined {
  return typeof value === "string" && value ? new Date(`${value}:00Z`).toISOString() : undefined;
}

function text(value: FormDataEntryValue | null): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** The filters bar. Applying it writes the URL (first page, same order and page size). */
export function AuditFilters({ view, actors }: { view: AuditListView; actors: Actor[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const id = useId();

  const apply = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const href = listHref(view, {
      type: text(data.get("type")),
      outcome: text(data.get("outcome")),
      actor: text(data.get("actor")),
      resourceType: text(data.get("resourceType")),
      resourceId: text(data.get("resourceId")),
      action: text(data.get("action")),
      from: fromInputValue(data.get("from")),
      to: fromInputValue(data.get("to")),
    });
    startTransition(() => router.push(href));
  };

  return (
    <form
      key={listQuery(view, "filters")}
      action="/audit"
      onSubmit={apply}
      role="search"
      aria-label="Filter audit events"
      className="grid grid-cols-2 gap-3 border-b border-zinc-100 px-4 py-4 lg:grid-cols-4"
    >
      <Select id={`${id}-type`} label="Event type" name="type" value={view.type} any="All types">
        {EVENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {humanize(t)}
          </option>
        ))}
      </Select>
      <Select id={`${id}-outcome`} label="Outcome" name="outcome" value={view.outcome} any="Any outcome">
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {humanize(o)}
          </option>
        ))}
      </Select>
      <Select id={`${id}-actor`} label="Actor" name="actor" value={view.actor} any="Anyone">
        {actors.map((a) => (
          <option key={a.value} value={a.value}>
            {a.label}
          </option>
        ))}
      </Select>
      <Input id={`${id}-action`} label="Action" name="action" value={view.action} placeholder="e.g. user.roles_changed" />
      <Input id={`${id}-rtype`} label="Resource type" name="resourceType" value={view.resourceType} placeholder="e.g. user" />
      <Input id={`${id}-rid`} label="Resource ID" name="resourceId" value={view.resourceId} />
      <Input id={`${id}-from`} label="From (UTC)" name="from" type="datetime-local" value={toInputValue(view.from)} />
      <Input id={`${id}-to`} label="To (UTC)" name="to" type="datetime-local" value={toInputValue(view.to)} />
      <div className="col-span-full flex items-center justify-end gap-2">
        {hasFilters(view) ? (
          <Link href={listHref({ sort: view.sort, limit: view.limit })} className={buttonClass("ghost", "sm")}>
            Clear filters
          </Link>
        ) : null}
        <SubmitButton size="sm" pending={pending} pendingLabel="Applying…">
          Apply filters
        </SubmitButton>
      </div>
    </form>
  );
}

const compact = `${inputClass} h-8 py-1 text-[13px]`;

function Select({
  id,
  label,
  name,
  value,
  any,
  children,
}: {
  id: string;
  label: string;
  name: string;
  value?: string;
  any: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={compact}>
        <option value="">{any}</option>
        {children}
      </select>
    </div>
  );
}

function Input({
  id,
  label,
  name,
  value,
  type = "text",
  placeholder,
}: {
  id: string;
  label: string;
  name: string;
  value?: string;
  type?: string;
  placeholder?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-700">
        {label}
      </label>
      <input id={id} name={name} type={type} defaultValue={value ?? ""} placeholder={placeholder} autoComplete="off" className={compact} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { CreatePeriodForm, GenerateScheduleForm } from "@/components/controls/period-forms";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { createPeriodAction, generateScheduleAction } from "@/lib/controls/actions";
import { listPeriods } from "@/lib/controls/queries";
import { addMonthsTo, monthRange } from "@/lib/controls/schedule";
import { todayUtc } from "@/lib/controls/today";

export const metadata: Metadata = { title: "Audit periods" };

export default async function PeriodsPage() {
  const user = await requirePagePermission("controls.read", "/controls/periods");
  const manage = can(user.roles, "controls.manage");
  const periods = await listPeriods();
  const nextMonth = addMonthsTo(todayUtc().slice(0, 7), 1);
  const defaults = {
    name: `Type II ${nextMonth} – ${addMonthsTo(nextMonth, 11)}`,
    startsOn: monthRange(nextMonth).start,
    endsOn: monthRange(addMonthsTo(nextMonth, 11)).end,
  };
  return (
    <>
      <PageHeader
        title="Audit periods"
        description="Observation windows for a SOC 2 Type II report. Generating a period's schedule creates one dated test per control per interval."
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2">
          <CardHeader title="Periods" />
          {periods.length === 0 ? (
            <EmptyState title="No audit periods yet">{manage ? "Create the first one." : "A compliance officer creates them."}</EmptyState>
          ) : (
            <ul className="divide-y divide-zinc-100">
              {periods.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                  <div>
                    <Link
                      href={`/controls/periods/${p.id}`}
                      className="text-sm font-medium text-zinc-900 hover:text-accent-700 hover:underline"
                    >
                      {p.name}
                    </Link>
                    <p className="text-xs text-zinc-500 tabular-nums">
                      {p.startsOn} – {p.endsOn} · {p.occurrences} tests scheduled
                      {p.scheduleGeneratedAt
                        ? ` · schedule generated ${p.scheduleGeneratedAt.toISOString().slice(0, 10)}`
                        : " · no schedule yet"}
                    </p>
                  </div>
                  {manage ? (
                    <GenerateScheduleForm
                      action={generateScheduleAction}
                      periodId={p.id}
                      periodName={p.name}
                      generated={p.scheduleGeneratedAt !== null}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {manage ? (
          <Card>
            <CardHeader title="New period" description="Twelve months is usual for a Type II report; a period may cross New Year." />
            <CardBody>
              <CreatePeriodForm action={createPeriodAction} defaults={defaults} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-12 text-center">
      <div aria-hidden="true" className="mb-3 grid size-10 place-items-center rounded-full bg-zinc-100 text-zinc-400">
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="size-5">
          <rect x="3" y="4" width="14" height="12" rx="2" />
          <path d="M3 8h14" />
        </svg>
      </div>
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {children ? <div className="mt-1 max-w-sm text-[13px] text-zinc-500">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

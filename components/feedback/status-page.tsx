/** The shared frame of the 403, 404 and error pages: a code, a plain explanation, a way on. */
export function StatusPage({
  code,
  title,
  children,
  actions,
  compact = false,
}: {
  code: string;
  title: string;
  children: React.ReactNode;
  actions: React.ReactNode;
  compact?: boolean;
}) {
  return (
    <div className={`flex w-full items-center justify-center px-4 ${compact ? "py-16" : "min-h-screen py-12"}`}>
      <div className="w-full max-w-md text-center">
        <p className="text-sm font-semibold tracking-wide text-accent-600">{code}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
        <div className="mt-3 space-y-2 text-sm text-zinc-600">{children}</div>
        <div className="mt-6 flex flex-wrap items-center justify-center gap-3">{actions}</div>
      </div>
    </div>
  );
}

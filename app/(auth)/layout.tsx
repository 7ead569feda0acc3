export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 bg-[radial-gradient(ellipse_at_top,var(--color-accent-50),transparent_60%)] px-4 py-12">
      {children}
    </main>
  );
}

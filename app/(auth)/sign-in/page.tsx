import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LogoMark } from "@/components/brand/logo";
import { signInAction } from "@/lib/auth/actions";
import { getRequestContext } from "@/lib/auth/service";

export const metadata: Metadata = { title: "Sign in" };

/** Same-site paths only; the action checks again before redirecting. */
function safePath(value: string | string[] | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safePath((await searchParams).callbackUrl);
  const { user } = await getRequestContext();
  if (user) redirect(callbackUrl);

  return (
    <div className="w-full max-w-sm">
      <div className="mb-8 flex flex-col items-center text-center">
        <LogoMark className="size-10" />
        <h1 className="mt-4 text-xl font-semibold tracking-tight text-zinc-900">Sign in to Assay</h1>
        <p className="mt-1.5 text-sm text-zinc-500">SOC 2 compliance for AI teams: controls, evidence and a tamper-evident audit trail.</p>
      </div>
      <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
        <SignInForm action={signInAction} callbackUrl={callbackUrl} />
      </div>
      <p className="mt-6 text-center text-xs text-zinc-500">Accounts are created by your Assay administrator.</p>
    </div>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import type { ApiKeyRow } from "@/components/api-keys/api-key-row";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { listApiKeys } from "@/lib/api-keys/queries";
import { requirePagePermission } from "@/lib/auth/service";

export const metadata: Metadata = { title: "API keys" };

// The guard runs before any Suspense boundary: a refusal is a real 403, not a streamed one.
export default async function ApiKeysPage() {
  await requirePagePermission("api_keys.manage", "/settings/api-keys");
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the AI services that call Assay's machine API. Each key has scopes and rate limits; the secret is shown once, at creation."
      />
      <Suspense fallback={<TableSkeleton label="Loading API keys…" />}>
        <ApiKeysList />
      </Suspense>
    </>
  );
}

async function ApiKeysList() {
  const apiKeys: ApiKeyRow[] = (await listApiKeys()).map((k) => ({
    ...k,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
  return <ApiKeysManager apiKeys={apiKeys} actions={{ create: createApiKeyAction, revoke: revokeApiKeyAction }} />;
}

import { StatTile } from "@/components/home/stat-tile";
import { countActiveApiKeys } from "@/lib/api-keys/queries";
import { getUserStats } from "@/lib/users/queries";

/** The admin's view of account hygiene on the home page. */
export async function WorkspaceStats({ showUsers, showApiKeys }: { showUsers: boolean; showApiKeys: boolean }) {
  const [stats, activeKeys] = await Promise.all([showUsers ? getUserStats() : null, showApiKeys ? countActiveApiKeys() : null]);
  return (
    <div className="grid grid-cols-2 gap-4 xl:grid-cols-4">
      {stats ? (
        <>
          <StatTile label="Users" value={stats.total} hint={`${stats.active} active`} href="/settings/users" />
          <StatTile label="Disabled users" value={stats.disabled} hint="Cannot sign in" href="/settings/users" />
          <StatTile
            label="Users without MFA"
            value={stats.activeWithoutMfa}
            hint={stats.activeWithoutMfa > 0 ? "Active accounts with a password only" : "Every active account uses a second factor"}
            href="/settings/users"
            attention={stats.activeWithoutMfa > 0}
          />
        </>
      ) : null}
      {activeKeys !== null ? <StatTile label="Active API keys" value={activeKeys} hint="Not revoked" href="/settings/api-keys" /> : null}
    </div>
  );
}

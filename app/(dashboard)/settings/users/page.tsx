import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { UsersManager } from "@/components/users/users-manager";
import type { UserRow } from "@/components/users/user-row";
import type { SessionUser } from "@/lib/context";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { createUserAction, setUserDisabledAction, updateUserRolesAction } from "@/lib/users/actions";
import { listUsers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users" };

// No loading.tsx above this page: the guard must run before streaming starts, so that a
// refusal is a real 403 (and a signed-out visitor a real redirect). The list streams in.
export default async function UsersPage() {
  const user = await requirePagePermission("users.read", "/settings/users");
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to Assay, with which roles. Role changes and disabling take effect on the user's next request, and every change is audited."
      />
      <Suspense fallback={<TableSkeleton label="Loading users…" />}>
        <UsersList user={user} />
      </Suspense>
    </>
  );
}

async function UsersList({ user }: { user: SessionUser }) {
  const users: UserRow[] = (await listUsers()).map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }));
  return (
    <UsersManager
      users={users}
      currentUserId={user.id}
      canManage={can(user.roles, "users.manage")}
      actions={{ create: createUserAction, updateRoles: updateUserRolesAction, setDisabled: setUserDisabledAction }}
    />
  );
}

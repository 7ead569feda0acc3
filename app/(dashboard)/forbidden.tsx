import { ForbiddenContent } from "@/components/feedback/forbidden-content";

/** Inside the shell, so the navigation shows where this user can go instead. */
export default function DashboardForbidden() {
  return <ForbiddenContent compact />;
}

import { AuditBrowseSkeleton } from "@/components/audit/audit-skeletons";

export default function Loading() {
  return <AuditBrowseSkeleton />;
}

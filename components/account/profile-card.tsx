import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export function ProfileCard({ name, email, roleLabels }: { name: string; email: string; roleLabels: string[] }) {
  return (
    <Card>
      <CardHeader title="Profile" description="Your name, email and roles are managed by an Assay administrator." />
      <CardBody>
        <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-3 text-[13px]">
          <dt className="text-zinc-500">Name</dt>
          <dd className="font-medium text-zinc-900">{name}</dd>
          <dt className="text-zinc-500">Email</dt>
          <dd className="text-zinc-900">{email}</dd>
          <dt className="text-zinc-500">Roles</dt>
          <dd className="flex flex-wrap gap-1">
            {roleLabels.length > 0 ? (
              roleLabels.map((label) => (
                <Badge key={label} tone="accent">
                  {label}
                </Badge>
              ))
            ) : (
              <span className="text-zinc-400">No roles</span>
            )}
          </dd>
        </dl>
      </CardBody>
    </Card>
  );
}

"use client";

import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup, errorsFor, Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { ROLE_OPTIONS, type UserRow } from "./user-row";

type Done = (message: string) => void;

export function CreateUserForm({ action, onDone, onCancel }: { action: FormAction; onDone: Done; onCancel: () => void }) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <div className="grid grid-cols-2 gap-4">
        <Field label="Name" name="name" autoComplete="off" required errors={errorsFor(errors, "name")} />
        <Field label="Email" name="email" type="email" autoComplete="off" required errors={errorsFor(errors, "email")} />
      </div>
      <Field
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="12 characters or more. Share it with the person over a separate channel."
        errors={errorsFor(errors, "password")}
      />
      <CheckboxGroup legend="Roles" name="roles" options={ROLE_OPTIONS} errors={errorsFor(errors, "roles")} />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create user
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

export function EditRolesForm({
  user,
  action,
  onDone,
  onCancel,
}: {
  user: UserRow;
  action: FormAction;
  onDone: Done;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="userId" value={user.id} />
      <CheckboxGroup
        legend="Roles"
        name="roles"
        options={ROLE_OPTIONS}
        defaultChecked={user.roles}
        errors={errorsFor(fieldErrorsOf(state), "roles")}
      />
      <p className="text-xs text-zinc-500">
        Changes apply to {user.email}&apos;s very next request; a section they lose access to answers 403.
      </p>
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save roles
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

export function SetDisabledForm({
  user,
  action,
  onDone,
  onCancel,
}: {
  user: UserRow;
  action: FormAction;
  onDone: Done;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const disabling = !user.disabled;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="disabled" value={disabling ? "true" : "false"} />
      <Notice tone={disabling ? "warning" : "info"}>
        {disabling
          ? `${user.email} will be signed out everywhere at once and cannot sign in until an admin enables the account again.`
          : `${user.email} will be able to sign in again with their existing password and roles.`}
      </Notice>
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel={disabling ? "Disabling…" : "Enabling…"} variant={disabling ? "danger" : "primary"}>
          {disabling ? "Disable user" : "Enable user"}
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

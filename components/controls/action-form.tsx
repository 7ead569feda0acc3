"use client";

import { startTransition, type ComponentProps } from "react";

/**
 * A form that hands its data to a useActionState action without React's automatic reset:
 * a submission refused for a field error keeps everything the person typed, so they fix
 * one field instead of filling in the form again. (After success, the page re-renders the
 * form with a new key where a fresh form is wanted.)
 */
export function ActionForm({
  action,
  ...props
}: Omit<ComponentProps<"form">, "action" | "onSubmit"> & { action: (formData: FormData) => void }) {
  return (
    <form
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    />
  );
}

import { Button } from "./button";

/** Cancel + the form's submit button, right-aligned under a hairline. */
export function FormFooter({ onCancel, children }: { onCancel: () => void; children: React.ReactNode }) {
  return (
    <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      {children}
    </div>
  );
}

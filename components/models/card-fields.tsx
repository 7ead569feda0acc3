import { errorsFor } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import type { ModelCard } from "@/lib/governance/gates";
import type { FieldErrors } from "@/lib/errors";

const TIERS = [
  { value: "", label: "Not assessed yet" },
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
];

/** The model card's four fields, shared by registration and editing. Production needs all four. */
export function CardFields({ card, errors }: { card?: ModelCard; errors?: FieldErrors }) {
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-[13px] font-semibold text-zinc-900">Model card</legend>
      <TextareaField
        label="Intended use"
        name="intendedUse"
        rows={2}
        defaultValue={card?.intendedUse}
        errors={errorsFor(errors, "intendedUse")}
      />
      <TextareaField
        label="Limitations"
        name="limitations"
        rows={2}
        defaultValue={card?.limitations}
        errors={errorsFor(errors, "limitations")}
      />
      <TextareaField
        label="Known biases"
        name="knownBiases"
        rows={2}
        defaultValue={card?.knownBiases}
        errors={errorsFor(errors, "knownBiases")}
      />
      <SelectField
        label="Risk tier"
        name="riskTier"
        options={TIERS}
        defaultValue={card?.riskTier ?? ""}
        errors={errorsFor(errors, "riskTier")}
        className="w-56"
      />
    </fieldset>
  );
}

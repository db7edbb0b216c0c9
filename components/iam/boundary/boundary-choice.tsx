"use client";
// "Set permissions boundary - optional" in the create user and create role wizards, as AWS's
// console offers it: none, or one managed policy that caps what the new identity may do.
import * as React from "react";
import { Container, ContainerHeader } from "@/components/ui/container";
import { RadioTiles } from "@/components/ui/radio-tiles";
import { PolicyPicker } from "../policy-picker";

export const BOUNDARY_REQUIRED = "Choose a policy to use as the permissions boundary.";

/** One policy at a time: ticking another replaces the choice (the boundary panel's picker too). */
export function SingleBoundaryPicker({
  value,
  onChange,
}: {
  value?: string;
  onChange: (arn: string | undefined) => void;
}) {
  const selected = value ? [value] : [];
  return (
    <PolicyPicker
      title="Permissions boundary policy"
      selected={selected}
      max={Number.POSITIVE_INFINITY}
      onChange={(arns) => onChange(arns.filter((a) => !selected.includes(a)).at(-1))}
    />
  );
}

/** The wizards' boundary state: none, or the policy chosen (required once "use" is picked). */
export function useBoundaryChoice() {
  const [use, setUse] = React.useState(false);
  const [value, setValue] = React.useState<string>();
  return {
    use,
    setUse,
    value,
    setValue,
    /** The PermissionsBoundary to create with. */
    arn: use ? value : undefined,
    error: use && !value ? BOUNDARY_REQUIRED : undefined,
  };
}

export function BoundaryChoice({
  noun,
  choice: { use, setUse, value, setValue, error },
  showErrors,
}: {
  noun: "user" | "role";
  choice: ReturnType<typeof useBoundaryChoice>;
  showErrors: boolean;
}) {
  const id = React.useId();
  return (
    <Container
      aria-labelledby={`${id}-title`}
      header={
        <ContainerHeader
          id={`${id}-title`}
          title={
            <>
              Set permissions boundary{" "}
              <span className="text-base font-normal italic text-muted-foreground">- optional</span>
            </>
          }
          description={`An advanced feature for delegating permission management: a managed policy that sets the maximum permissions the ${noun} can have, whatever its permissions policies grant.`}
        />
      }
    >
      <div className="space-y-4">
        <RadioTiles
          aria-label="Permissions boundary"
          value={use ? "boundary" : "none"}
          onValueChange={(v) => setUse(v === "boundary")}
          tiles={[
            {
              value: "none",
              label: `Create ${noun} without a permissions boundary`,
              description: `The ${noun}'s permissions policies alone decide what it may do.`,
            },
            {
              value: "boundary",
              label: `Use a permissions boundary to control the maximum ${noun} permissions`,
              description: "Choose one AWS managed or customer managed policy.",
            },
          ]}
        />
        {use ? (
          <>
            <SingleBoundaryPicker value={value} onChange={setValue} />
            {showErrors && error ? (
              <p className="text-sm font-bold text-destructive" role="alert">
                {error}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </Container>
  );
}

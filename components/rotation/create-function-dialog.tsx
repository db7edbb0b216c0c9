"use client";
// "Create function": a rotation function from a template (lambda:CreateFunction, which also
// creates its execution role and the SecretsManager<Template>0/1 inline policies).
import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useAction } from "@/components/actions/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogBody,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from "@/lib/rotation/templates/catalog";
import { createFunctionAction } from "./actions";
import { functionHref } from "./paths";
import { TEMPLATE_LABELS } from "./rotation-draft";

export function CreateFunctionDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const [name, setName] = React.useState("");
  const [template, setTemplate] = React.useState<TemplateId>("postgres-single-user");
  const [endpoint, setEndpoint] = React.useState("");
  const [signing, setSigning] = React.useState<{ name: string; secret: string }>();
  const action = useAction();
  const fieldError = (field: string) =>
    action.error?.field === field ? action.error.message : undefined;
  const generalError =
    action.error && !["FunctionName", "Endpoint"].includes(action.error.field ?? "")
      ? action.error
      : undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) {
          setName("");
          setTemplate("postgres-single-user");
          setEndpoint("");
          setSigning(undefined);
        }
        action.setError(undefined);
        onOpenChange(o);
      }}
    >
      <DialogContent>
        {signing ? (
          <>
            <DialogHeader>
              <DialogTitle>Function {signing.name} created</DialogTitle>
              <DialogDescription>Save the endpoint&apos;s signing secret now.</DialogDescription>
            </DialogHeader>
            <DialogBody>
              <Alert type="warning">
                Requests to your endpoint are signed (SigV4) with this secret. It is shown only
                once.
                <span className="mt-1 flex items-center gap-1">
                  <span className="font-mono text-[13px] break-all">{signing.secret}</span>
                  <CopyButton value={signing.secret} label="Copy signing secret" />
                </span>
              </Alert>
            </DialogBody>
            <DialogFooter>
              <Button variant="primary" onClick={() => router.push(functionHref(signing.name))}>
                View function
              </Button>
            </DialogFooter>
          </>
        ) : (
          <form
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              const result = await action.run(
                () =>
                  createFunctionAction({
                    FunctionName: name.trim(),
                    Template: template,
                    Endpoint: template === "http" ? endpoint.trim() : undefined,
                  }),
                { refresh: false },
              );
              if (!result.ok) return;
              const created = result.data.Function.FunctionName;
              toast.success(`The rotation function ${created} was created.`);
              if (result.data.SigningSecret) {
                setSigning({ name: created, secret: result.data.SigningSecret });
              } else {
                router.push(functionHref(created));
              }
            }}
          >
            <DialogHeader>
              <DialogTitle>Create rotation function</DialogTitle>
              <DialogDescription>
                Its execution role and the role&apos;s SecretsManager&lt;Template&gt;0 and 1
                policies are created with it.
              </DialogDescription>
            </DialogHeader>
            <DialogBody>
              <Field
                id="create-function-name"
                label="Function name"
                constraint="1 to 64 letters, numbers, hyphens (-) and underscores (_)."
                error={fieldError("FunctionName")}
              >
                <Input
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="SecretsManagerMyRotation"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </Field>
              <Field
                id="create-function-template"
                label="Template"
                description={TEMPLATES[template].description}
                error={fieldError("Template")}
              >
                <Select
                  value={template}
                  onValueChange={(t) => setTemplate(t as TemplateId)}
                  options={TEMPLATE_IDS.map((t) => ({ value: t, label: TEMPLATE_LABELS[t] }))}
                />
              </Field>
              {template === "http" ? (
                <Field
                  id="create-function-endpoint"
                  label="Endpoint URL"
                  description="Each rotation step is sent to it as a signed POST request."
                  error={fieldError("Endpoint")}
                >
                  <Input
                    type="url"
                    spellCheck={false}
                    placeholder="https://rotation.example.internal/rotate"
                    value={endpoint}
                    onChange={(e) => setEndpoint(e.target.value)}
                  />
                </Field>
              ) : null}
              {generalError ? (
                <Alert type="error" role="alert" header={generalError.code}>
                  <span className="break-words">{generalError.message}</span>
                </Alert>
              ) : null}
            </DialogBody>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="link" className="mr-3">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant="primary" loading={action.pending}>
                Create function
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

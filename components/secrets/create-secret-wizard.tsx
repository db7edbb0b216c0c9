"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { toast } from "sonner";
import { Check, Database, KeyRound, Wand2 } from "lucide-react";
import { matchField } from "@/components/actions/result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { RadioTiles } from "@/components/ui/radio-tiles";
import { Select } from "@/components/ui/select";
import { RotationConfigForm, useRotationSources } from "@/components/rotation/rotation-config-form";
import {
  type RotationDraft,
  draftErrors,
  draftTemplate,
  initialDraft,
  scheduleSummary,
  templateLabel,
  toSaveInput,
} from "@/components/rotation/rotation-draft";
import { saveRotationAction } from "@/components/rotation/actions";
import { nameWarning, SECRET_NAME } from "@/lib/ops/secretsmanager/validate";
import { createSecretAction, generatePasswordAction } from "./actions";
import { secretHref } from "./format";
import {
  EMPTY_DRAFT,
  type SecretValueDraft,
  draftError,
  draftToString,
} from "./secret-value-model";
import { SecretValueEditor } from "./secret-value-editor";
import { TagsEditor } from "./tags-editor";
import { rowsToTags, tagRowErrors } from "./tags-model";
import { DEFAULT_ENCRYPTION_KEY } from "./types";

const ENGINES = [
  { value: "postgres", label: "PostgreSQL", port: "5432" },
  { value: "mysql", label: "MySQL", port: "3306" },
  { value: "mariadb", label: "MariaDB", port: "3306" },
  { value: "oracle", label: "Oracle", port: "1521" },
  { value: "sqlserver", label: "Microsoft SQL Server", port: "1433" },
] as const;

const STEPS = [
  { title: "Choose secret type", heading: "Choose secret type" },
  { title: "Configure secret", heading: "Configure secret" },
  { title: "Configure rotation", heading: "Configure rotation - optional" },
  { title: "Review", heading: "Review" },
] as const;

const schema = z
  .object({
    secretType: z.enum(["database", "other"]),
    engine: z.string(),
    host: z.string().trim(),
    port: z.string().trim(),
    dbname: z.string().trim(),
    username: z.string(),
    password: z.string(),
    value: z.custom<SecretValueDraft>(),
    kmsKeyId: z.string(),
    name: z
      .string()
      .min(1, "Enter a secret name.")
      .max(SECRET_NAME.max, `Secret names can have at most ${SECRET_NAME.max} characters.`)
      .regex(
        SECRET_NAME.pattern,
        "Secret name must contain only alphanumeric characters and the characters /_+=.@-",
      ),
    description: z.string().max(2048, "Descriptions can have at most 2048 characters."),
    tags: z.array(z.object({ key: z.string(), value: z.string() })),
    policy: z.string(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (v.secretType === "database") {
      if (!v.username) issue("username", "Enter a user name.");
      if (!v.password) issue("password", "Enter a password.");
      if (v.port && !/^\d{1,5}$/.test(v.port)) issue("port", "Enter a port number.");
      else if (v.port && (Number(v.port) < 1 || Number(v.port) > 65535)) {
        issue("port", "Ports are between 1 and 65535.");
      }
    } else {
      const problem = draftError(v.value);
      if (problem) issue("value", problem);
    }
    if (Object.keys(tagRowErrors(v.tags)).length > 0) issue("tags", "Fix the tags marked above.");
    if (v.policy.trim()) {
      try {
        JSON.parse(v.policy);
      } catch {
        issue("policy", "The resource policy is not valid JSON.");
      }
    }
  });

type Values = z.infer<typeof schema>;
type FieldName = keyof Values;

const STEP_FIELDS: FieldName[][] = [
  ["secretType", "engine", "host", "port", "dbname", "username", "password", "value", "kmsKeyId"],
  ["name", "description", "tags", "policy"],
  [],
  [],
];

/** Where an AwsError's field lives in the wizard. */
const SERVER_FIELDS: Record<string, FieldName> = {
  Name: "name",
  Description: "description",
  Tags: "tags",
  ResourcePolicy: "policy",
  SecretString: "value",
  SecretBinary: "value",
  KmsKeyId: "kmsKeyId",
};

/** The secret's value; with a master secret chosen, its ARN goes in as masterarn (AWS's key). */
function secretString(v: Values, masterArn?: string): string {
  if (v.secretType === "other") {
    const text = draftToString(v.value);
    if (!masterArn) return text;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
        return JSON.stringify({ ...parsed, masterarn: masterArn });
      }
    } catch {
      // Not JSON: RotateSecret says what the template needs.
    }
    return text;
  }
  // AWS's shape for database credentials; the port is a number, as RDS stores it.
  const out: Record<string, string | number> = { engine: v.engine };
  if (v.host) out.host = v.host;
  if (v.port) out.port = Number(v.port);
  if (v.dbname) out.dbname = v.dbname;
  out.username = v.username;
  out.password = v.password;
  if (masterArn) out.masterarn = masterArn;
  return JSON.stringify(out);
}

export function CreateSecretWizard() {
  const router = useRouter();
  const [step, setStep] = React.useState(0);
  const [visited, setVisited] = React.useState(0);
  const [formError, setFormError] = React.useState<{ code: string; message: string }>();
  const [rotation, setRotation] = React.useState<RotationDraft>(() => initialDraft());
  const [rotationTried, setRotationTried] = React.useState(false);
  const sources = useRotationSources(undefined, step >= 2);
  const fnList = sources.functions.state === "ok" ? sources.functions.data : [];
  const rotationErrors = draftErrors(rotation, fnList);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: {
      secretType: "other",
      engine: "postgres",
      host: "",
      port: "5432",
      dbname: "",
      username: "",
      password: "",
      value: EMPTY_DRAFT,
      kmsKeyId: DEFAULT_ENCRYPTION_KEY,
      name: "",
      description: "",
      tags: [],
      policy: "",
    },
  });
  // Defaults cover every field, so the watched object is always complete.
  const values = useWatch({ control: form.control }) as Values;
  const { errors, isSubmitting } = form.formState;

  const goTo = (index: number) => {
    setStep(index);
    setVisited((v) => Math.max(v, index));
    setFormError(undefined);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const next = async () => {
    if (step === 2) {
      setRotationTried(true);
      if (Object.keys(rotationErrors).length > 0) return;
    }
    const ok = await form.trigger(STEP_FIELDS[step]);
    if (ok) goTo(step + 1);
  };

  // handleSubmit is called at submit time (not during render): its callbacks move focus.
  const store = () =>
    form.handleSubmit(
      async (v) => {
        setFormError(undefined);
        if (Object.keys(rotationErrors).length > 0) {
          setRotationTried(true);
          goTo(2);
          return;
        }
        const rotationInput = rotation.enabled ? toSaveInput("", rotation, fnList) : undefined;
        const result = await createSecretAction({
          Name: v.name,
          Description: v.description || undefined,
          KmsKeyId: v.kmsKeyId === DEFAULT_ENCRYPTION_KEY ? undefined : v.kmsKeyId,
          SecretString: secretString(v, rotationInput?.MasterSecretArn),
          Tags: rowsToTags(v.tags),
          ResourcePolicy: v.policy.trim() || undefined,
        });
        if (!result.ok) {
          const field = matchField(result.field, SERVER_FIELDS) as FieldName | undefined;
          const target =
            field === "value" && v.secretType === "database" ? ("password" as const) : field;
          if (target) {
            form.setError(target, { message: result.message });
            goTo(STEP_FIELDS.findIndex((fields) => fields.includes(target)));
          } else {
            setFormError({ code: result.code, message: result.message });
          }
          return;
        }
        if (result.data.policyError) {
          toast.warning("The resource permissions were not applied.", {
            description: result.data.policyError,
          });
        }
        let query = "?created=1";
        if (rotationInput) {
          // The secret exists now: a refused rotation is reported, and the Rotation tab retries.
          const saved = await saveRotationAction({ ...rotationInput, SecretId: result.data.ARN });
          if (!saved.ok) {
            toast.error("Rotation was not configured.", {
              description: `${saved.code}: ${saved.message}`,
            });
            query += "&tab=rotation";
          } else if (saved.data.Grant) {
            query += "&tab=rotation";
          }
        }
        router.push(`${secretHref(result.data.Name)}${query}`);
      },
      (invalid) => {
        // A field on an earlier step is wrong: go back to it.
        const first = STEP_FIELDS.findIndex((fields) => fields.some((f) => invalid[f]));
        if (first >= 0) goTo(first);
      },
    )();

  const warning = values.name ? nameWarning(values.name) : undefined;

  return (
    <div className="grid gap-8 lg:grid-cols-[220px_1fr]">
      <nav aria-label="Steps" className="lg:pt-1">
        <ol className="space-y-4">
          {STEPS.map((s, i) => {
            const state = i === step ? "current" : i < step || i <= visited ? "done" : "todo";
            return (
              <li key={s.title} className="flex gap-3">
                <span
                  className={cn(
                    "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold",
                    state === "current" && "bg-primary text-primary-foreground",
                    state === "done" && "bg-muted text-foreground ring-1 ring-border",
                    state === "todo" && "text-muted-foreground ring-1 ring-border",
                  )}
                  aria-hidden
                >
                  {state === "done" && i < step ? <Check className="size-3" /> : i + 1}
                </span>
                <div className="min-w-0">
                  <div className="text-xs text-muted-foreground">Step {i + 1}</div>
                  {i <= visited && i !== step ? (
                    <button
                      type="button"
                      className="text-left text-sm font-bold text-link hover:underline"
                      onClick={() => goTo(i)}
                    >
                      {s.title}
                    </button>
                  ) : (
                    <span
                      aria-current={i === step ? "step" : undefined}
                      className={cn("text-sm font-bold", i !== step && "text-muted-foreground")}
                    >
                      {s.title}
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </nav>

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (step < STEPS.length - 1) void next();
          else void store();
        }}
        className="min-w-0 space-y-5"
      >
        <h1 ref={headingRef} tabIndex={-1} className="text-2xl leading-8 font-bold outline-none">
          {STEPS[step].heading}
        </h1>

        {step === 0 ? (
          <ChooseTypeStep form={form} values={values} />
        ) : step === 1 ? (
          <ConfigureStep form={form} values={values} warning={warning} />
        ) : step === 2 ? (
          <RotationConfigForm
            idPrefix="wizard-rotation"
            draft={rotation}
            onChange={setRotation}
            functions={sources.functions}
            candidates={sources.candidates}
            errors={rotationErrors}
            showErrors={rotationTried}
          />
        ) : (
          <ReviewStep
            values={values}
            onEdit={goTo}
            rotation={rotation}
            functionLabel={
              rotation.functionMode === "create"
                ? `${rotation.newFunctionName} (new, ${templateLabel(rotation.newTemplate)})`
                : (fnList.find((f) => f.FunctionArn === rotation.functionArn)?.FunctionName ?? "-")
            }
            masterName={
              draftTemplate(rotation, fnList) && rotation.useSeparateCredentials
                ? sources.candidates.state === "ok"
                  ? sources.candidates.data.find((c) => c.ARN === rotation.masterArn)?.Name
                  : undefined
                : undefined
            }
          />
        )}

        {formError ? (
          <Alert type="error" role="alert" header={formError.code}>
            {formError.message}
          </Alert>
        ) : null}

        <div className="flex items-center justify-end gap-2 pt-1">
          <Button variant="link" asChild className="mr-3">
            <Link href="/secrets">Cancel</Link>
          </Button>
          {step > 0 ? <Button onClick={() => goTo(step - 1)}>Previous</Button> : null}
          {step < STEPS.length - 1 ? (
            <Button type="submit" variant="primary">
              Next
            </Button>
          ) : (
            <Button type="submit" variant="primary" loading={isSubmitting}>
              Store
            </Button>
          )}
        </div>
        {Object.keys(errors).length > 0 && step === STEPS.length - 1 ? (
          <p className="sr-only" role="status">
            Some fields need attention.
          </p>
        ) : null}
      </form>
    </div>
  );
}

type StepProps = { form: ReturnType<typeof useForm<Values>>; values: Values };

function ChooseTypeStep({ form, values }: StepProps) {
  const { errors } = form.formState;
  const [generating, setGenerating] = React.useState(false);
  const set = <K extends FieldName>(name: K, value: Values[K]) =>
    form.setValue(name, value as never, { shouldDirty: true, shouldValidate: !!errors[name] });

  return (
    <>
      <Container header={<ContainerHeader title="Secret type" />}>
        <RadioTiles
          aria-label="Secret type"
          value={values.secretType}
          onValueChange={(v) => set("secretType", v as Values["secretType"])}
          tiles={[
            {
              value: "database",
              label: "Credentials for a database",
              icon: <Database className="size-4 text-muted-foreground" aria-hidden />,
              description:
                "User name, password and connection details for PostgreSQL, MySQL, MariaDB, Oracle or SQL Server.",
            },
            {
              value: "other",
              label: "Other type of secret",
              icon: <KeyRound className="size-4 text-muted-foreground" aria-hidden />,
              description:
                "API key, OAuth token, or any other secret, as key/value pairs or plaintext.",
            },
          ]}
        />
      </Container>

      {values.secretType === "database" ? (
        <Container
          header={
            <ContainerHeader
              title="Credentials"
              description="Stored as the JSON structure AWS uses for database secrets, so rotation functions can read it."
            />
          }
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="username" label="User name" error={errors.username?.message}>
              <Input autoComplete="off" spellCheck={false} {...form.register("username")} />
            </Field>
            <div className="flex items-start gap-2">
              <Field
                id="password"
                label="Password"
                error={errors.password?.message}
                className="min-w-0 flex-1"
              >
                <Input type="password" autoComplete="new-password" {...form.register("password")} />
              </Field>
              <Button
                className="mt-[26px]"
                loading={generating}
                onClick={async () => {
                  setGenerating(true);
                  const result = await generatePasswordAction();
                  setGenerating(false);
                  if (result.ok) {
                    set("password", result.data);
                    toast.success("A random password was generated.");
                  } else toast.error(result.message);
                }}
              >
                {generating ? null : <Wand2 aria-hidden />}
                Generate password
              </Button>
            </div>
            <Field id="engine" label="Database engine">
              <Select
                value={values.engine}
                onValueChange={(engine) => {
                  const before = ENGINES.find((e) => e.value === values.engine);
                  const after = ENGINES.find((e) => e.value === engine);
                  set("engine", engine);
                  if (!values.port || values.port === before?.port) set("port", after?.port ?? "");
                }}
                options={ENGINES.map((e) => ({ value: e.value, label: e.label }))}
              />
            </Field>
            <Field id="host" label="Server address" optional>
              <Input
                placeholder="db.example.internal"
                spellCheck={false}
                {...form.register("host")}
              />
            </Field>
            <Field id="dbname" label="Database name" optional>
              <Input spellCheck={false} {...form.register("dbname")} />
            </Field>
            <Field id="port" label="Port" optional error={errors.port?.message}>
              <Input inputMode="numeric" {...form.register("port")} />
            </Field>
          </div>
        </Container>
      ) : (
        <Container
          header={
            <ContainerHeader
              title="Key/value pairs"
              description="Enter your secret as key/value pairs, or switch to Plaintext to enter any text."
            />
          }
        >
          <SecretValueEditor
            value={values.value}
            onChange={(draft) => set("value", draft)}
            error={errors.value?.message}
          />
        </Container>
      )}

      <Container header={<ContainerHeader title="Encryption key" />}>
        <Field
          id="kmsKeyId"
          label="Encryption key"
          description="Strongbox encrypts every secret version with its own data key, wrapped by this key."
          error={errors.kmsKeyId?.message}
          className="max-w-md"
        >
          <Select
            value={values.kmsKeyId}
            onValueChange={(v) => set("kmsKeyId", v)}
            options={[{ value: DEFAULT_ENCRYPTION_KEY, label: DEFAULT_ENCRYPTION_KEY }]}
          />
        </Field>
      </Container>
    </>
  );
}

function ConfigureStep({ form, values, warning }: StepProps & { warning?: string }) {
  const { errors } = form.formState;
  return (
    <>
      <Container header={<ContainerHeader title="Secret name and description" />}>
        <div className="max-w-2xl space-y-4">
          <Field
            id="name"
            label="Secret name"
            description="A descriptive name that helps you find your secret later."
            constraint="Secret name must contain only alphanumeric characters and the characters /_+=.@-"
            error={errors.name?.message}
          >
            <Input
              placeholder="prod/AppBeta/MySql"
              autoComplete="off"
              spellCheck={false}
              {...form.register("name")}
            />
          </Field>
          {warning ? <Alert type="warning">{warning}</Alert> : null}
          <Field
            id="description"
            label="Description"
            optional
            constraint="Maximum 2048 characters."
            error={errors.description?.message}
          >
            <Textarea
              rows={3}
              placeholder="Access to MySQL prod database for AppBeta"
              {...form.register("description")}
            />
          </Field>
        </div>
      </Container>

      <Container
        header={
          <ContainerHeader
            title={
              <>
                Tags{" "}
                <span className="text-base font-normal italic text-muted-foreground">
                  - optional
                </span>
              </>
            }
            description="Tags are key/value labels: use them to find secrets, and in policies to control access to them."
          />
        }
      >
        <TagsEditor
          rows={values.tags}
          onChange={(rows) =>
            form.setValue("tags", rows, { shouldDirty: true, shouldValidate: !!errors.tags })
          }
        />
      </Container>

      <Container
        header={
          <ContainerHeader
            title={
              <>
                Resource permissions{" "}
                <span className="text-base font-normal italic text-muted-foreground">
                  - optional
                </span>
              </>
            }
            description="A resource policy attached to the secret: who else, including other accounts, may use it."
          />
        }
      >
        <Field
          id="policy"
          label="Resource policy"
          optional
          description="JSON policy document. Leave empty for no resource policy; policies that grant public access are blocked."
          error={errors.policy?.message}
        >
          <Textarea
            rows={8}
            spellCheck={false}
            className="font-mono text-[13px]"
            placeholder={'{\n  "Version": "2012-10-17",\n  "Statement": []\n}'}
            {...form.register("policy")}
          />
        </Field>
      </Container>
    </>
  );
}

function ReviewStep({
  values,
  onEdit,
  rotation,
  functionLabel,
  masterName,
}: {
  values: Values;
  onEdit: (step: number) => void;
  rotation: RotationDraft;
  functionLabel: string;
  masterName?: string;
}) {
  const tags = rowsToTags(values.tags);
  const section = (index: number, children: React.ReactNode) => (
    <Container
      header={
        <ContainerHeader
          level={2}
          title={`Step ${index + 1}: ${STEPS[index].heading}`}
          actions={
            <Button aria-label={`Edit step ${index + 1}`} onClick={() => onEdit(index)}>
              Edit
            </Button>
          }
        />
      }
    >
      {children}
    </Container>
  );
  const keyCount =
    values.value.tab === "kv" ? values.value.rows.filter((r) => r.key !== "").length : undefined;
  return (
    <>
      {section(
        0,
        <dl className="grid gap-4 sm:grid-cols-3">
          <KeyValue label="Secret type">
            {values.secretType === "database"
              ? "Credentials for a database"
              : "Other type of secret"}
          </KeyValue>
          <KeyValue label="Encryption key">{values.kmsKeyId}</KeyValue>
          <KeyValue label="Secret value">
            {values.secretType === "database"
              ? `${ENGINES.find((e) => e.value === values.engine)?.label} credentials for ${values.username}`
              : keyCount !== undefined
                ? `${keyCount} key/value ${keyCount === 1 ? "pair" : "pairs"}`
                : "Plaintext"}
            <span className="block text-xs text-muted-foreground">Not shown here.</span>
          </KeyValue>
        </dl>,
      )}
      {section(
        1,
        <dl className="grid gap-4 sm:grid-cols-3">
          <KeyValue label="Secret name">
            <span className="break-all">{values.name}</span>
          </KeyValue>
          <KeyValue label="Secret description">{values.description || "-"}</KeyValue>
          <KeyValue label="Resource permissions">
            {values.policy.trim() ? "Resource policy attached" : "None"}
          </KeyValue>
          <KeyValue label="Tags" className="sm:col-span-3">
            {tags.length === 0 ? (
              "-"
            ) : (
              <ul className="flex flex-wrap gap-1.5">
                {tags.map((t) => (
                  <li
                    key={t.Key}
                    className="rounded-full bg-muted px-2 py-0.5 text-xs ring-1 ring-border"
                  >
                    <span className="font-bold">{t.Key}</span>
                    {t.Value ? `: ${t.Value}` : ""}
                  </li>
                ))}
              </ul>
            )}
          </KeyValue>
        </dl>,
      )}
      {section(
        2,
        <dl className="grid gap-4 sm:grid-cols-3">
          <KeyValue label="Automatic rotation">
            {rotation.enabled ? "Enabled" : "Disabled"}
          </KeyValue>
          {rotation.enabled ? (
            <>
              <KeyValue label="Rotation schedule">{scheduleSummary(rotation.schedule)}</KeyValue>
              <KeyValue label="Rotation function">{functionLabel}</KeyValue>
              <KeyValue label="Rotate immediately">
                {rotation.rotateImmediately ? "Yes" : "No"}
              </KeyValue>
              {masterName ? <KeyValue label="Master secret">{masterName}</KeyValue> : null}
            </>
          ) : null}
        </dl>,
      )}
    </>
  );
}

"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { matchField } from "@/components/actions/result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { getSecretValueAction, putSecretValueAction } from "./actions";
import {
  NOT_KEY_VALUE,
  type SecretValueDraft,
  draftError,
  draftFromString,
  draftToString,
  rowsFromString,
} from "./secret-value-model";
import { SecretValueEditor } from "./secret-value-editor";
import type { SecretValueView } from "./types";

/**
 * The "Secret value" card. The value is fetched only when the user asks ("Retrieve secret
 * value"), lives only in this component's state, and is dropped when the page is left.
 */
export function SecretValuePanel({
  secretId,
  disabledReason,
}: {
  secretId: string;
  disabledReason?: string;
}) {
  const router = useRouter();
  const [value, setValue] = React.useState<SecretValueView>();
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<{ code: string; message: string }>();
  const [draft, setDraft] = React.useState<SecretValueDraft>();
  const [draftErr, setDraftErr] = React.useState<string>();
  const [saving, setSaving] = React.useState(false);

  const retrieve = async () => {
    setLoading(true);
    setError(undefined);
    const result = await getSecretValueAction(secretId);
    setLoading(false);
    if (!result.ok) {
      setError({ code: result.code, message: result.message });
      return;
    }
    setValue(result.data);
    // Retrieval changes "Last retrieved" and the version's last access: show them.
    router.refresh();
  };

  const save = async () => {
    if (!draft) return;
    const problem = draftError(draft);
    if (problem) {
      setDraftErr(problem);
      return;
    }
    setSaving(true);
    const secretString = draftToString(draft);
    const result = await putSecretValueAction(secretId, secretString);
    setSaving(false);
    if (!result.ok) {
      setDraftErr(
        matchField(result.field, { SecretString: "value" })
          ? result.message
          : `${result.code}: ${result.message}`,
      );
      return;
    }
    setValue({
      VersionId: result.data.VersionId,
      VersionStages: ["AWSCURRENT"],
      SecretString: secretString,
    });
    setDraft(undefined);
    toast.success("The secret value was saved as a new version.");
    router.refresh();
  };

  const editable = value && value.SecretString !== undefined;

  return (
    <Container
      header={
        <ContainerHeader
          title="Secret value"
          description="Retrieve and view the secret value."
          actions={
            draft ? null : value ? (
              editable ? (
                <DisabledReason reason={disabledReason}>
                  <Button
                    onClick={() => {
                      setDraftErr(undefined);
                      setDraft(draftFromString(value.SecretString ?? ""));
                    }}
                  >
                    Edit
                  </Button>
                </DisabledReason>
              ) : null
            ) : (
              <DisabledReason reason={disabledReason}>
                <Button onClick={retrieve} loading={loading}>
                  Retrieve secret value
                </Button>
              </DisabledReason>
            )
          }
        />
      }
    >
      {error ? (
        <Alert type="error" header={error.code}>
          {error.message}
        </Alert>
      ) : null}
      {draft ? (
        <div className="space-y-4">
          <SecretValueEditor
            value={draft}
            onChange={setDraft}
            error={draftErr}
            idPrefix="edit-value"
          />
          <div className="flex justify-end gap-2 border-t pt-4">
            <Button variant="link" className="mr-3" onClick={() => setDraft(undefined)}>
              Cancel
            </Button>
            <Button variant="primary" onClick={save} loading={saving}>
              Save
            </Button>
          </div>
        </div>
      ) : value ? (
        <RevealedValue value={value} />
      ) : !error ? (
        <p className="text-sm text-muted-foreground">
          The value is hidden. Retrieving it is recorded as a GetSecretValue call in the audit log.
        </p>
      ) : null}
    </Container>
  );
}

function RevealedValue({ value }: { value: SecretValueView }) {
  const text = value.SecretString;
  const rows = text !== undefined ? rowsFromString(text) : undefined;
  const [tab, setTab] = React.useState(rows ? "kv" : "plaintext");
  if (text === undefined) {
    return (
      <div className="space-y-3">
        <Alert type="info">
          This secret has a binary value (SecretBinary). It is shown base64-encoded and can be
          changed only through the API.
        </Alert>
        <ValueBlock text={value.SecretBinary ?? ""} label="Copy secret value" />
      </div>
    );
  }
  return (
    <Tabs value={tab} onValueChange={setTab}>
      <TabsList aria-label="Secret value view">
        <TabsTrigger value="kv">Key/value</TabsTrigger>
        <TabsTrigger value="plaintext">Plaintext</TabsTrigger>
      </TabsList>
      <TabsContent value="kv">
        {rows ? (
          <div className="-mx-5 -mt-2">
            <Table aria-label="Secret key/value pairs">
              <THead>
                <tr>
                  <TH className="w-1/3">Secret key</TH>
                  <TH>Secret value</TH>
                </tr>
              </THead>
              <TBody>
                {rows.map((row) => (
                  <TR key={row.key}>
                    <TD className="font-mono break-all">{row.key}</TD>
                    <TD>
                      <span className="inline-flex max-w-full items-start gap-1">
                        <span className="min-w-0 font-mono break-all whitespace-pre-wrap">
                          {row.value}
                        </span>
                        <CopyButton value={row.value} label={`Copy value of ${row.key}`} />
                      </span>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
        ) : (
          <Alert type="info">{NOT_KEY_VALUE}</Alert>
        )}
      </TabsContent>
      <TabsContent value="plaintext">
        <ValueBlock text={text} label="Copy secret value" />
      </TabsContent>
      <p className="mt-3 text-xs text-muted-foreground">
        Version <span className="font-mono">{value.VersionId}</span>
        {value.VersionStages.length > 0 ? ` (${value.VersionStages.join(", ")})` : null}
      </p>
    </Tabs>
  );
}

function ValueBlock({ text, label }: { text: string; label: string }) {
  return (
    <div className="relative rounded-lg border bg-code">
      <pre className="max-h-96 overflow-auto p-3 pr-12 font-mono text-[13px] leading-5 break-all whitespace-pre-wrap">
        {text}
      </pre>
      <CopyButton value={text} label={label} className="absolute top-2 right-2" />
    </div>
  );
}

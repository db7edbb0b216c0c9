"use client";
// Create policy: permissions in the visual editor or JSON, then "Review policy" (name,
// description, tags, what it grants, the validator's findings), then "Create policy".
import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { POLICY_SIZE_LIMITS } from "@/components/policy-editor/model";
import type { PolicyEditorPageContext } from "@/components/policy-editor/page-context";
import {
  PolicyEditor,
  type PolicyDetails,
  type SaveResult,
} from "@/components/policy-editor/policy-editor";
import { TagsEditor } from "@/components/secrets/tags-editor";
import { type TagRow, rowsToTags, tagRowErrors } from "@/components/secrets/tags-model";
import { Container, ContainerHeader } from "@/components/ui/container";
import { policyHref } from "../paths";
import { useInvalidatePolicies } from "../use-policies";
import { createPolicyAction } from "./actions";
import { NEW_POLICY_TEMPLATE } from "./policy-template";

export function CreatePolicyWizard({ editor }: { editor: PolicyEditorPageContext }) {
  const router = useRouter();
  const invalidatePolicies = useInvalidatePolicies();
  const [document, setDocument] = React.useState(NEW_POLICY_TEMPLATE);
  const [tags, setTags] = React.useState<TagRow[]>([]);
  const [showTagErrors, setShowTagErrors] = React.useState(false);

  const save = async (text: string, details: PolicyDetails): Promise<SaveResult> => {
    if (Object.keys(tagRowErrors(tags)).length > 0) {
      setShowTagErrors(true);
      return { ok: false, code: "InvalidInput", message: "Fix the tags before you continue." };
    }
    const result = await createPolicyAction({
      PolicyName: details.name,
      Description: details.description || undefined,
      PolicyDocument: text,
      Tags: rowsToTags(tags),
    });
    if (!result.ok) return result;
    void invalidatePolicies();
    toast.success(`Policy ${details.name} created.`);
    router.push(policyHref(result.data.Arn));
    return { ok: true };
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl leading-8 font-bold">Create policy</h1>
      <p className="text-sm text-muted-foreground">
        Add permissions by choosing a service, its actions and resources in the visual editor, or
        write statements in JSON. Each statement allows or denies actions on resources, optionally
        under conditions.
      </p>
      <PolicyEditor
        value={document}
        onChange={setDocument}
        kind="identity"
        maxCharacters={POLICY_SIZE_LIMITS.managedPolicy}
        catalogSnapshot={editor.catalogSnapshot}
        accountId={editor.accountId}
        region={editor.region}
        newPolicy={{ name: "", description: "" }}
        saveLabel="Create policy"
        onSave={save}
        onCancel={() => router.push("/iam/policies")}
        review={
          <Container
            header={
              <ContainerHeader
                level={3}
                title={
                  <>
                    Add tags{" "}
                    <span className="text-base font-normal text-muted-foreground italic">
                      - optional
                    </span>
                  </>
                }
              />
            }
          >
            <TagsEditor rows={tags} onChange={setTags} showErrors={showTagErrors} />
          </Container>
        }
      />
    </div>
  );
}

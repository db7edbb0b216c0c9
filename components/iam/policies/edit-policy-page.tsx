import { notFound } from "next/navigation";
import { load } from "@/components/actions/load";
import { policyEditorPageContext } from "@/components/policy-editor/page-context";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { getPolicy, getPolicyVersion, listPolicyVersions } from "@/lib/ops/iam";
import { ErrorAlert } from "../error-alert";
import { isAwsManaged, policyArnFromSegments, policyHref, policyNameFromArn } from "../paths";
import { documentText } from "../serialize";
import { EditPolicyForm } from "./edit-policy-form";

export async function EditPolicyPage({ segments }: { segments: string[] }) {
  const arn = policyArnFromSegments(segments);
  if (!arn) notFound();
  const caller = await getCaller();
  const name = policyNameFromArn(arn);
  const loaded = await load(async () => {
    const { Policy } = await getPolicy(caller, { PolicyArn: arn });
    const [version, versions] = await Promise.all([
      getPolicyVersion(caller, { PolicyArn: arn, VersionId: Policy.DefaultVersionId }),
      listPolicyVersions(caller, { PolicyArn: arn, MaxItems: 1000 }),
    ]);
    return {
      document: documentText(version.PolicyVersion.Document ?? ""),
      versionCount: versions.Versions.length,
    };
  });
  if (!loaded.ok && loaded.code === "NoSuchEntity") notFound();
  const editor = await policyEditorPageContext(loaded.ok ? [loaded.data.document] : []);
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "Policies", href: "/iam/policies" },
          { label: name, href: policyHref(arn) },
          { label: "Edit" },
        ]}
      />
      {isAwsManaged(arn) ? (
        <ErrorAlert
          error={{
            code: "InvalidInput",
            message:
              "AWS managed policies can't be changed: create a customer managed policy with the permissions you need.",
          }}
        />
      ) : !loaded.ok ? (
        <ErrorAlert error={loaded} />
      ) : (
        <EditPolicyForm
          arn={arn}
          name={name}
          document={loaded.data.document}
          versionCount={loaded.data.versionCount}
          editor={editor}
        />
      )}
    </div>
  );
}

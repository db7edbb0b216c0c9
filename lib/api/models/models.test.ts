// The committed models must be what the installed AWS SDK says: regenerate with
// `npx tsx lib/api/models/generate.ts` after upgrading a client package.
import { describe, expect, it } from "vitest";
import { loadModel } from "../model";
import { SOURCES, modelFor } from "./generate";

describe.each(SOURCES)("the $service model", (source) => {
  it("matches the installed SDK's schemas", () => {
    expect(loadModel(source.service)).toEqual(modelFor(source));
  });
});

describe("model content", () => {
  it("knows IAM's lists, timestamps, URL-encoded documents and query error codes", () => {
    const iam = loadModel("iam");
    expect(iam.shapes.CreateUserRequest).toEqual({
      type: "structure",
      members: {
        UserName: { shape: "#string" },
        Path: { shape: "#string" },
        PermissionsBoundary: { shape: "#string" },
        Tags: { shape: "tagListType" },
      },
    });
    expect(iam.shapes.tagListType).toEqual({ type: "list", member: { shape: "Tag" } });
    expect(iam.shapes.User).toMatchObject({ members: { CreateDate: { shape: "#timestamp" } } });
    expect(iam.shapes.PolicyVersion).toMatchObject({ members: { Document: { urlEncoded: true } } });
    expect(iam.operations.DeleteUser).toEqual({ input: "DeleteUserRequest" });
    expect(iam.errors.NoSuchEntityException).toEqual({ code: "NoSuchEntity", status: 404 });
  });

  it("knows Secrets Manager's blobs and STS's operations", () => {
    const sm = loadModel("secretsmanager");
    expect(sm.shapes.GetSecretValueResponse).toMatchObject({
      members: { SecretBinary: { shape: "#blob" }, CreatedDate: { shape: "#timestamp" } },
    });
    expect(loadModel("sts").operations.AssumeRole).toEqual({
      input: "AssumeRoleRequest",
      output: "AssumeRoleResponse",
    });
  });
});

// List flags of `strongbox iam` as the AWS CLI takes them: several values after one flag.
import { describe, expect, it } from "vitest";
import { parseOperationArgs } from "@/lib/cli/args";
import { iamCommands } from "@/lib/cli/iam";

describe("strongbox iam list flags", () => {
  it("reads get-account-authorization-details --filter User Role as a list", () => {
    const { input } = parseOperationArgs(
      ["--filter", "User", "Role", "--max-items", "10"],
      iamCommands["get-account-authorization-details"].params,
    );
    expect(input).toEqual({ Filter: ["User", "Role"], MaxItems: 10 });
  });
});

/** What a new policy's editor starts with: one empty Allow statement to fill in. */
export const NEW_POLICY_TEMPLATE = JSON.stringify(
  {
    Version: "2012-10-17",
    Statement: [{ Sid: "Statement1", Effect: "Allow", Action: [], Resource: [] }],
  },
  null,
  2,
);

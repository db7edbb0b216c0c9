export const functionHref = (name: string) =>
  `/rotation/functions/details/${encodeURIComponent(name)}`;
export const roleHref = (roleName: string) =>
  `/iam/roles/details/${encodeURIComponent(roleName)}?tab=permissions`;

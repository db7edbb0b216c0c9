// The console's left navigation. Items without `href` belong to features that are not enabled in
// this installation yet: they render disabled, with the reason, never as empty pages.
export interface NavItem {
  label: string;
  href?: string;
  disabledReason?: string;
}

export interface NavSection {
  title: string;
  items: NavItem[];
}

export const NAV: NavSection[] = [
  { title: "Secrets Manager", items: [{ label: "Secrets", href: "/secrets" }] },
  {
    title: "Identity and Access Management (IAM)",
    items: [
      { label: "Users", href: "/iam/users" },
      { label: "User groups", href: "/iam/groups" },
      { label: "Roles", href: "/iam/roles" },
      { label: "Policies", href: "/iam/policies" },
      { label: "Account settings", href: "/iam/account-settings" },
    ],
  },
  {
    title: "Rotation",
    items: [{ label: "Rotation functions", href: "/rotation/functions" }],
  },
  {
    title: "Monitoring",
    items: [{ label: "Audit log", href: "/audit" }],
  },
];

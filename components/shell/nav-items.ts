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

const IAM_LATER = "Available when IAM is enabled";

export const NAV: NavSection[] = [
  { title: "Secrets Manager", items: [{ label: "Secrets", href: "/secrets" }] },
  {
    title: "Identity and Access Management (IAM)",
    items: [
      { label: "Users", disabledReason: IAM_LATER },
      { label: "User groups", disabledReason: IAM_LATER },
      { label: "Roles", disabledReason: IAM_LATER },
      { label: "Policies", disabledReason: IAM_LATER },
    ],
  },
  {
    title: "Rotation",
    items: [{ label: "Rotation functions", disabledReason: "Available when rotation is enabled" }],
  },
  {
    title: "Monitoring",
    items: [{ label: "Audit log", disabledReason: "Available when the audit log is enabled" }],
  },
];

// The "Permissions defined in this policy" summary, as the console shows it: one row per service
// and effect, with the access levels granted, the resources and the request conditions.
export interface ServiceSummary {
  effect: "Allow" | "Deny";
  /** The service's display name ("Secrets Manager"), or "All services". */
  service: string;
  prefix: string;
  /** "Full access", or "Full: List, Read  Limited: Write", or what NotAction leaves. */
  accessLevel: string;
  /** "All resources", one ARN, or "N resources". */
  resource: string;
  /** "None", or the conditions as written. */
  condition: string;
  /** Actions named in the policy that the catalogue does not know. */
  unrecognized: string[];
}

export interface PolicySummary {
  rows: ServiceSummary[];
  /** Set when the document could not be read at all. */
  error?: string;
}

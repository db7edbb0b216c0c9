// An audit event as the console shows it (LookupEvents' shape, the time as an ISO string).
export interface AuditEventView {
  EventId: string;
  EventTime: string;
  PrincipalArn: string;
  Action: string;
  Resource?: string;
  Decision: string;
  Via: string;
  SourceIp?: string;
  UserAgent?: string;
  RequestParameters?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

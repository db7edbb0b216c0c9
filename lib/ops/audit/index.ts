export { lookupEvents, type AuditEvent, type LookupEventsInput } from "./lookup-events";

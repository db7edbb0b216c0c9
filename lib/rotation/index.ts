// Rotation: the scheduler every instance runs, the four-step runner, the templates.
export {
  startScheduler,
  createScheduler,
  kickRotation,
  type Scheduler,
  type SchedulerOptions,
} from "./scheduler";
export { runRotation, type RotationOutcome } from "./runner";
export { settleRotations, rotationsInFlight } from "./in-flight";
export { parseRotationRules, type RotationRules } from "./schedule";
export { TEMPLATES, TEMPLATE_IDS, type TemplateId } from "./templates/catalog";
export {
  masterSecretGrant,
  grantMasterSecretAccess,
  type MasterSecretGrant,
} from "./master-secret";

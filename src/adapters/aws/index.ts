/** AWS implementations of the ports (src/ports): one class per port, each taking its SDK client and settings. */
export { EventBridgeEventBus, type EventBridgeEventBusSettings } from './event-bus';
export { SqsTaskQueue, type SqsTaskQueueSettings } from './task-queue';
export { EcsTaskLauncher, type EcsTaskLauncherSettings, familyOf, stateOf } from './task-launcher';
export { StepFunctionsWorkflow, type StepFunctionsWorkflowSettings } from './workflow';
export { SesMailer, type SesMailerSettings } from './mailer';
export { SnsAlerter, type SnsAlerterSettings, snsSubject } from './alerter';
export {
  S3ObjectStore,
  type S3ObjectStoreSettings,
  createS3Client,
  contentDisposition,
} from './object-store';

import type { ECSClient, KeyValuePair, Tag, Task } from '@aws-sdk/client-ecs';
import { createHash, randomUUID } from 'node:crypto';
import { logContext, logger } from '../../logger';
import type { AgentMode, LaunchedTask, TaskLauncher, TaskState, TaskStatus } from '../../ports';
import { lazyClient, sdk, type ClientSource } from './sdk';

export interface EcsTaskLauncherSettings {
  /** Config ECS_CLUSTER. */
  cluster: string;
  /** Task definition (family, family:revision or ARN) for triage tasks: config TRIAGE_TASK_DEFINITION. */
  triageTaskDefinition: string;
  /** Task definition for specialist analysis tasks: config AGENT_TASK_DEFINITION. */
  agentTaskDefinition: string;
  /** Config AGENT_SUBNETS (private subnets). */
  subnets: string[];
  /** Config AGENT_SECURITY_GROUPS. */
  securityGroups: string[];
  /** The container in the task definitions to override; 'agent' unless told. */
  containerName?: string;
}

/** DescribeTasks takes at most 100 tasks per call. */
const DESCRIBE_BATCH = 100;

/**
 * TaskLauncher on ECS Fargate: one RunTask per agent process (triage or specialist), told what to do through
 * the AGENT_MODE / ASSESSMENT_ID / CORRELATION_ID environment variables of the `agent` container.
 * Task ids are the task ARNs.
 */
export class EcsTaskLauncher implements TaskLauncher {
  private readonly containerName: string;
  private readonly client: () => ECSClient;

  constructor(
    client: ClientSource<ECSClient>,
    private readonly settings: EcsTaskLauncherSettings,
  ) {
    this.client = lazyClient(client);
    this.containerName = settings.containerName ?? 'agent';
  }

  async launch(opts: {
    mode: AgentMode;
    assessmentId?: string;
    correlationId?: string;
    launchKey?: string;
  }): Promise<LaunchedTask> {
    const correlationId = opts.correlationId ?? logContext().correlationId;
    const environment: KeyValuePair[] = [{ name: 'AGENT_MODE', value: opts.mode }];
    if (opts.assessmentId) environment.push({ name: 'ASSESSMENT_ID', value: opts.assessmentId });
    if (correlationId) environment.push({ name: 'CORRELATION_ID', value: correlationId });
    const tags: Tag[] = [{ key: 'scalemap:mode', value: opts.mode }];
    if (opts.assessmentId) tags.push({ key: 'scalemap:assessment', value: opts.assessmentId });

    const out = await this.client().send(
      new (sdk.ecs().RunTaskCommand)({
        cluster: this.settings.cluster,
        taskDefinition: this.taskDefinition(opts.mode),
        launchType: 'FARGATE',
        count: 1,
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: this.settings.subnets,
            securityGroups: this.settings.securityGroups,
            assignPublicIp: 'DISABLED',
          },
        },
        overrides: { containerOverrides: [{ name: this.containerName, environment }] },
        startedBy: 'scalemap',
        tags,
        clientToken: clientToken(opts.launchKey),
      }),
    );
    const failures = out.failures ?? [];
    const taskArn = out.tasks?.[0]?.taskArn;
    if (failures.length > 0 || !taskArn) {
      const why = failures.map((f) => [f.arn, f.reason, f.detail].filter(Boolean).join(' ')).join('; ');
      throw new Error(`ECS RunTask (${opts.mode}) failed: ${why || 'no task started'}`);
    }
    logger.info({ taskArn, mode: opts.mode, assessmentId: opts.assessmentId }, 'agent task launched');
    return { taskId: taskArn };
  }

  /**
   * Status per task id, in the order asked. A task that ECS no longer knows (it forgets stopped tasks after
   * about an hour) is reported STOPPED without an exit code, with reason MISSING, so pollers do not wait forever.
   */
  async describe(taskIds: string[]): Promise<TaskStatus[]> {
    const found = new Map<string, TaskStatus>();
    for (let i = 0; i < taskIds.length; i += DESCRIBE_BATCH) {
      const batch = taskIds.slice(i, i + DESCRIBE_BATCH);
      const out = await this.client().send(
        new (sdk.ecs().DescribeTasksCommand)({ cluster: this.settings.cluster, tasks: batch }),
      );
      for (const task of out.tasks ?? []) {
        const status = this.toStatus(task);
        found.set(status.taskId, status);
      }
      for (const f of out.failures ?? []) {
        if (f.arn) found.set(f.arn, { taskId: f.arn, state: 'STOPPED', reason: f.reason ?? 'MISSING' });
      }
    }
    return taskIds.map(
      (id) => found.get(id) ?? [...found.values()].find((s) => s.taskId.endsWith(`/${id}`)) ?? missing(id),
    );
  }

  /**
   * Tasks pending or running, by task definition family. ListTasks' desiredStatus RUNNING covers both: a
   * PENDING task's desired status is RUNNING (ECS never sets a desired status of PENDING).
   * Counting by mode needs distinct families for triage and specialist tasks.
   */
  async countRunning(mode?: AgentMode): Promise<number> {
    const definitions = mode
      ? [this.taskDefinition(mode)]
      : [this.settings.triageTaskDefinition, this.settings.agentTaskDefinition];
    const families = [...new Set(definitions.map(familyOf))];
    let total = 0;
    for (const family of families) total += await this.countFamily(family);
    return total;
  }

  private async countFamily(family: string): Promise<number> {
    let count = 0;
    let nextToken: string | undefined;
    do {
      const out = await this.client().send(
        new (sdk.ecs().ListTasksCommand)({
          cluster: this.settings.cluster,
          family,
          desiredStatus: 'RUNNING',
          nextToken,
        }),
      );
      count += out.taskArns?.length ?? 0;
      nextToken = out.nextToken;
    } while (nextToken);
    return count;
  }

  private taskDefinition(mode: AgentMode): string {
    return mode === 'triage' ? this.settings.triageTaskDefinition : this.settings.agentTaskDefinition;
  }

  private toStatus(task: Task): TaskStatus {
    const taskId = task.taskArn ?? '';
    const state = stateOf(task.lastStatus);
    if (state !== 'STOPPED') return { taskId, state };
    const container = task.containers?.find((c) => c.name === this.containerName) ?? task.containers?.[0];
    const reason = [task.stoppedReason, container?.reason].filter(Boolean).join(': ') || undefined;
    return { taskId, state, exitCode: container?.exitCode ?? undefined, reason };
  }
}

/**
 * ECS lastStatus → our three states. The states a task passes through after its container exits
 * (DEACTIVATING, STOPPING, DEPROVISIONING) count as RUNNING: the exit code is only final once STOPPED.
 */
export function stateOf(lastStatus: string | undefined): TaskState {
  switch (lastStatus) {
    case 'STOPPED':
    case 'DELETED':
      return 'STOPPED';
    case 'RUNNING':
    case 'DEACTIVATING':
    case 'STOPPING':
    case 'DEPROVISIONING':
      return 'RUNNING';
    default:
      return 'PENDING'; // PROVISIONING, PENDING, ACTIVATING
  }
}

/** `arn:aws:ecs:…:task-definition/scalemap-agent:3`, `scalemap-agent:3` and `scalemap-agent` → `scalemap-agent`. */
export function familyOf(taskDefinition: string): string {
  const name = taskDefinition.includes('task-definition/')
    ? taskDefinition.slice(taskDefinition.indexOf('task-definition/') + 'task-definition/'.length)
    : taskDefinition;
  return name.replace(/:\d+$/, '');
}

function missing(taskId: string): TaskStatus {
  return { taskId, state: 'STOPPED', reason: 'MISSING' };
}

/**
 * RunTask's idempotency token (at most 64 ASCII characters): a digest of the launch key, so a step retried
 * after a timeout gets the task it already started instead of a second one; a fresh one without a key.
 */
export function clientToken(launchKey?: string): string {
  return launchKey ? createHash('sha256').update(launchKey).digest('hex') : randomUUID();
}

import type { SFNClient } from '@aws-sdk/client-sfn';
import { logger } from '../../logger';
import type { Workflow } from '../../ports';
import { lazyClient, sdk, type ClientSource } from './sdk';

export interface StepFunctionsWorkflowSettings {
  /** The delivery state machine (config STATE_MACHINE_ARN). */
  stateMachineArn: string;
}

/** Step Functions limits on SendTaskFailure. */
const MAX_ERROR = 256;
const MAX_CAUSE = 32768;

/**
 * Workflow on a Step Functions Standard state machine. The execution name is the assessment id, so a second
 * start (a duplicate event) is refused by Step Functions and reported as `alreadyStarted`.
 */
export class StepFunctionsWorkflow implements Workflow {
  private readonly client: () => SFNClient;

  constructor(
    client: ClientSource<SFNClient>,
    private readonly settings: StepFunctionsWorkflowSettings,
  ) {
    this.client = lazyClient(client);
  }

  async start(opts: {
    name: string;
    input: Record<string, unknown>;
  }): Promise<{ executionId: string; alreadyStarted: boolean }> {
    const { StartExecutionCommand } = sdk.sfn();
    try {
      const out = await this.client().send(
        new StartExecutionCommand({
          stateMachineArn: this.settings.stateMachineArn,
          name: opts.name,
          input: JSON.stringify(opts.input),
        }),
      );
      return { executionId: out.executionArn ?? this.executionArn(opts.name), alreadyStarted: false };
    } catch (err) {
      if ((err as { name?: string }).name !== 'ExecutionAlreadyExists') throw err;
      logger.info({ execution: opts.name }, 'execution already started');
      return { executionId: this.executionArn(opts.name), alreadyStarted: true };
    }
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
    const { SendTaskSuccessCommand } = sdk.sfn();
    await this.client().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }

  async sendTaskFailure(taskToken: string, error: string, cause: string): Promise<void> {
    const { SendTaskFailureCommand } = sdk.sfn();
    await this.client().send(
      new SendTaskFailureCommand({
        taskToken,
        error: error.slice(0, MAX_ERROR),
        cause: cause.slice(0, MAX_CAUSE),
      }),
    );
  }

  /** `arn:aws:states:R:A:stateMachine:M` + name → `arn:aws:states:R:A:execution:M:name`. */
  private executionArn(name: string): string {
    return `${this.settings.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  }
}

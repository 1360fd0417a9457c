import type { Context } from 'aws-lambda';
import { handler as prepareExecution } from '../../functions/prepare-execution';
import { handler as launchTriage } from '../../functions/launch-triage';
import { handler as checkTask } from '../../functions/check-task';
import { handler as dispatchAgents } from '../../functions/dispatch-agents';
import { handler as checkAnalyses } from '../../functions/check-analyses';
import { handler as generateExecutiveSummary } from '../../functions/generate-executive-summary';
import { handler as generateDetailedReport } from '../../functions/generate-detailed-report';
import { handler as generateImplementationKits } from '../../functions/generate-implementation-kits';
import { handler as awaitValidation } from '../../functions/await-validation';
import { handler as sendDeliveryEmail } from '../../functions/send-delivery-email';
import { handler as markFailed } from '../../functions/mark-failed';
import { handler as alertFounder } from '../../functions/alert-founder';

export type LocalLambda = (event: unknown, context: Context) => Promise<unknown>;

/**
 * The Lambda functions the state machine's Task states call, by CloudFormation logical id
 * (`<name>LambdaFunction`, as serverless names them): the very handlers deployed to Lambda.
 */
export const STATE_MACHINE_FUNCTIONS: Record<string, LocalLambda> = {
  PrepareExecutionLambdaFunction: prepareExecution as LocalLambda,
  LaunchTriageLambdaFunction: launchTriage as LocalLambda,
  CheckTaskLambdaFunction: checkTask as LocalLambda,
  DispatchAgentsLambdaFunction: dispatchAgents as LocalLambda,
  CheckAnalysesLambdaFunction: checkAnalyses as LocalLambda,
  GenerateExecutiveSummaryLambdaFunction: generateExecutiveSummary as LocalLambda,
  GenerateDetailedReportLambdaFunction: generateDetailedReport as LocalLambda,
  GenerateImplementationKitsLambdaFunction: generateImplementationKits as LocalLambda,
  AwaitValidationLambdaFunction: awaitValidation as LocalLambda,
  SendDeliveryEmailLambdaFunction: sendDeliveryEmail as LocalLambda,
  MarkFailedLambdaFunction: markFailed as LocalLambda,
  AlertFounderLambdaFunction: alertFounder as LocalLambda,
};

/**
 * The functions whose work is CPU-bound (composing and rendering a deliverable: ~30–60 ms of synchronous work
 * each), with the due time (PrepareExecution's dueTimes) of what they compose. On AWS each invocation has its own
 * Lambda; the local runner runs them all in its one event loop, so it runs only a few at once
 * (RunnerOptions.generationConcurrency), the one due soonest first, and a release due meanwhile does not queue
 * behind a hundred of them.
 */
export const GENERATION_FUNCTIONS: Record<
  string,
  'executiveSummary' | 'detailedReport' | 'implementationKits'
> = {
  GenerateExecutiveSummaryLambdaFunction: 'executiveSummary',
  GenerateDetailedReportLambdaFunction: 'detailedReport',
  GenerateImplementationKitsLambdaFunction: 'implementationKits',
};

export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 900_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

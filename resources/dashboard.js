'use strict';
/**
 * The CloudWatch dashboard `scalemap[-stage]`: pipeline executions and SLA, delivery lateness per stage,
 * step durations, API latency p50/p99 and errors, ECS CPU and memory, the agent queue and the database.
 * Built here rather than as a JSON string in YAML; the API widgets depend on the stage's apiRuntime.
 * Loaded by the Serverless Framework as `${file(./resources/dashboard.js)}` (a `resources:` entry).
 */

const SLA_MS = 72 * 3600 * 1000;

function widget(title, metrics, extra = {}) {
  return {
    type: 'metric',
    width: 12,
    height: 6,
    properties: { title, region: '${AWS::Region}', view: 'timeSeries', stacked: false, metrics, ...extra },
  };
}

function pipelineWidgets() {
  const sm = ['StateMachineArn', '${DeliveryStateMachine}'];
  return [
    widget(
      'Delivery pipeline executions (per hour)',
      ['Started', 'Succeeded', 'Failed', 'TimedOut', 'Aborted'].map((m) => [
        'AWS/States',
        `Executions${m}`,
        ...sm,
        { stat: 'Sum', period: 3600 },
      ]),
    ),
    widget(
      'Submission to delivery: execution time vs the 72 h SLA',
      [
        ['AWS/States', 'ExecutionTime', ...sm, { stat: 'Average', period: 86400, label: 'average' }],
        ['AWS/States', 'ExecutionTime', ...sm, { stat: 'Maximum', period: 86400, label: 'slowest' }],
      ],
      { annotations: { horizontal: [{ label: '72 h SLA', value: SLA_MS }] }, yAxis: { left: { min: 0 } } },
    ),
    widget(
      'Delivery lateness per stage (seconds after the due time; custom metric ScaleMap/DeliveryLateness)',
      ['executive-summary', 'detailed-report', 'implementation-kits'].map((stage) => [
        'ScaleMap',
        'DeliveryLatenessSeconds',
        'Stage',
        stage,
        { stat: 'Maximum', period: 86400 },
      ]),
      {
        // The PRD's tolerances: summary 24 h ± 1 h, report 48 h ± 2 h, kits 72 h exact.
        annotations: {
          horizontal: [
            { label: '24 h summary: +1 h', value: 3600 },
            { label: '24 h summary: -1 h', value: -3600 },
            { label: '48 h report: +2 h', value: 7200 },
            { label: '48 h report: -2 h', value: -7200 },
            { label: '72 h kits: exact (0)', value: 0 },
          ],
        },
      },
    ),
    widget(
      'Pipeline step durations (Lambda, p90 ms)',
      [
        'PrepareExecution',
        'LaunchTriage',
        'DispatchAgents',
        'CheckAnalyses',
        'GenerateExecutiveSummary',
        'GenerateDetailedReport',
        'GenerateImplementationKits',
        'SendDeliveryEmail',
      ].map((fn) => [
        'AWS/Lambda',
        'Duration',
        'FunctionName',
        `\${${fn}LambdaFunction}`,
        { stat: 'p90', period: 3600 },
      ]),
    ),
  ];
}

/** Values of the business metrics' dimensions (src/metrics emits them; test/infra/metrics.test.ts checks both). */
const DOMAINS = [
  'strategic-alignment',
  'financial-management',
  'revenue-engine',
  'operational-excellence',
  'people-organization',
  'technology-data',
  'customer-experience',
  'supply-chain',
  'risk-compliance',
  'partnerships',
  'customer-success',
  'change-management',
];
const FAILED_STAGES = [
  'prepare',
  'triage',
  'analysis',
  'executive-summary',
  'detailed-report',
  'validation',
  'implementation-kits',
];

/** Business metrics (custom namespace ScaleMap, embedded metric format from src/metrics). */
function businessWidgets() {
  const daily = { stat: 'Sum', period: 86400 };
  return [
    widget('Assessments per day: submitted, completed, failed (by stage)', [
      ['ScaleMap', 'AssessmentsSubmitted', { ...daily, label: 'submitted' }],
      ['ScaleMap', 'AssessmentsCompleted', { ...daily, label: 'completed' }],
      ...FAILED_STAGES.map((stage) => [
        'ScaleMap',
        'AssessmentsFailed',
        'Stage',
        stage,
        { ...daily, label: `failed: ${stage}` },
      ]),
    ]),
    widget(
      'Agent task duration per domain (p90, seconds)',
      ['triage', ...DOMAINS].map((domain) => [
        'ScaleMap',
        'AgentTaskDurationSeconds',
        'Domain',
        domain,
        { stat: 'p90', period: 3600 },
      ]),
    ),
    widget('LLM tokens and cost per completed assessment', [
      ['ScaleMap', 'LlmTokensPerAssessment', { stat: 'Average', period: 86400, label: 'tokens' }],
      [
        'ScaleMap',
        'LlmCostCentsPerAssessment',
        { stat: 'Average', period: 86400, label: 'cost (US cents)', yAxis: 'right' },
      ],
    ]),
    widget('Client validations per day: received vs timed out (kits sent on the report priorities)', [
      ['ScaleMap', 'ValidationsReceived', { ...daily, label: 'received' }],
      ['ScaleMap', 'ValidationsTimedOut', { ...daily, label: 'timed out' }],
    ]),
  ];
}

function apiWidgets(apiRuntime) {
  if (apiRuntime === 'lambda') {
    const api = ['ApiId', '${HttpApi}'];
    return [
      widget('API latency (HTTP API, ms)', [
        ['AWS/ApiGateway', 'Latency', ...api, { stat: 'p50', label: 'p50' }],
        ['AWS/ApiGateway', 'Latency', ...api, { stat: 'p99', label: 'p99' }],
      ]),
      widget('API requests and errors', [
        ['AWS/ApiGateway', 'Count', ...api, { stat: 'Sum' }],
        ['AWS/ApiGateway', '4xx', ...api, { stat: 'Sum' }],
        ['AWS/ApiGateway', '5xx', ...api, { stat: 'Sum' }],
      ]),
    ];
  }
  const lb = ['LoadBalancer', '${ApiLoadBalancer.LoadBalancerFullName}'];
  const service = ['ClusterName', '${Cluster}', 'ServiceName', '${ApiService.Name}'];
  return [
    widget('API latency (load balancer target response time, s)', [
      ['AWS/ApplicationELB', 'TargetResponseTime', ...lb, { stat: 'p50', label: 'p50' }],
      ['AWS/ApplicationELB', 'TargetResponseTime', ...lb, { stat: 'p99', label: 'p99' }],
    ]),
    widget('API requests and errors', [
      ['AWS/ApplicationELB', 'RequestCount', ...lb, { stat: 'Sum' }],
      ['AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', ...lb, { stat: 'Sum' }],
      ['AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', ...lb, { stat: 'Sum' }],
    ]),
    widget('API tasks: CPU and memory (%)', [
      ['AWS/ECS', 'CPUUtilization', ...service, { stat: 'Average' }],
      ['AWS/ECS', 'MemoryUtilization', ...service, { stat: 'Average' }],
    ]),
  ];
}

function agentWidgets() {
  const queue = (name) => ['QueueName', name];
  return [
    widget(
      'Agent tasks: CPU and memory used (Container Insights, where enabled)',
      ['${TriageFamily}', '${AgentFamily}'].flatMap((family) => [
        ['ECS/ContainerInsights', 'CpuUtilized', 'ClusterName', '${Cluster}', 'TaskDefinitionFamily', family],
        [
          'ECS/ContainerInsights',
          'MemoryUtilized',
          'ClusterName',
          '${Cluster}',
          'TaskDefinitionFamily',
          family,
        ],
      ]),
    ),
    widget('Agent queue and dead-letter queue', [
      [
        'AWS/SQS',
        'ApproximateNumberOfMessagesVisible',
        ...queue('${AgentQueue.QueueName}'),
        { stat: 'Maximum' },
      ],
      [
        'AWS/SQS',
        'ApproximateAgeOfOldestMessage',
        ...queue('${AgentQueue.QueueName}'),
        { stat: 'Maximum', yAxis: 'right' },
      ],
      [
        'AWS/SQS',
        'ApproximateNumberOfMessagesVisible',
        ...queue('${AgentDeadLetterQueue.QueueName}'),
        { stat: 'Maximum', label: 'DLQ' },
      ],
    ]),
    widget('Database', [
      ['AWS/RDS', 'CPUUtilization', 'DBInstanceIdentifier', '${Database}', { stat: 'Average' }],
      [
        'AWS/RDS',
        'DatabaseConnections',
        'DBInstanceIdentifier',
        '${Database}',
        { stat: 'Maximum', yAxis: 'right' },
      ],
    ]),
  ];
}

module.exports = async ({ resolveVariable }) => {
  const apiRuntime = await resolveVariable('param:apiRuntime');
  const suffix = await resolveVariable('param:nameSuffix');
  const body = {
    widgets: [
      {
        type: 'text',
        width: 24,
        height: 2,
        properties: {
          markdown: `# ScaleMap \${Stage}\nPipeline: find an execution in the Step Functions console (state machine scalemap-delivery-\${Stage}); alarms and what to do: docs/runbooks/deploy.md.`,
        },
      },
      ...pipelineWidgets(),
      ...businessWidgets(),
      ...apiWidgets(apiRuntime),
      ...agentWidgets(),
    ],
  };
  return {
    Resources: {
      Dashboard: {
        Type: 'AWS::CloudWatch::Dashboard',
        Properties: {
          DashboardName: `scalemap${suffix}`,
          DashboardBody: {
            'Fn::Sub': [
              JSON.stringify(body),
              {
                Stage: await resolveVariable('sls:stage'),
                TriageFamily: `scalemap-triage${suffix}`,
                AgentFamily: `scalemap-agent${suffix}`,
              },
            ],
          },
        },
      },
    },
  };
};

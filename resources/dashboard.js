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
        annotations: {
          horizontal: [
            { label: '24 h summary: +1 h', value: 3600 },
            { label: '48 h report: +2 h', value: 7200 },
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

/**
 * The specification checker itself (test/infra/helpers/cfn-spec.ts): it accepts a well-formed template and
 * rejects misspelt properties, unknown types, wrong shapes, missing required properties and dangling
 * references. The packaged templates are checked with it in template.test.ts.
 */
import { checkTemplate, findCycles, resourceSpec, type Template } from './helpers/cfn-spec';

function queueTemplate(properties: Record<string, unknown>, extra: Template['Resources'] = {}): Template {
  return {
    Conditions: { IsProd: { 'Fn::Equals': ['prod', 'prod'] } },
    Resources: {
      Queue: { Type: 'AWS::SQS::Queue', Properties: properties },
      ...extra,
    },
  };
}

describe('CloudFormation specification checker', () => {
  test('loads the resource specification from @aws-cdk/aws-service-spec', () => {
    // Act
    const spec = resourceSpec('AWS::SQS::Queue');
    // Assess
    expect(spec).toBeDefined();
    expect(Object.keys(spec?.properties ?? {})).toEqual(
      expect.arrayContaining(['VisibilityTimeout', 'RedrivePolicy', 'FifoQueue']),
    );
    expect(resourceSpec('AWS::SQS::Queu')).toBeUndefined();
  });

  test('accepts a well-formed template, intrinsic functions included', () => {
    // Prepare
    const t = queueTemplate(
      {
        QueueName: { 'Fn::Sub': 'q-${AWS::Region}.fifo' },
        FifoQueue: true,
        VisibilityTimeout: { 'Fn::If': ['IsProd', 900, { Ref: 'AWS::NoValue' }] },
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] }, maxReceiveCount: 3 },
        Tags: [{ Key: 'stage', Value: 'prod' }],
      },
      {
        Dlq: {
          Type: 'AWS::SQS::Queue',
          Properties: { FifoQueue: 'true', MessageRetentionPeriod: '1209600' },
        },
        Alarm: {
          Type: 'AWS::CloudWatch::Alarm',
          Condition: 'IsProd',
          Properties: {
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            EvaluationPeriods: 1,
            Threshold: 1,
            MetricName: 'ApproximateNumberOfMessagesVisible',
            Namespace: 'AWS/SQS',
            Statistic: 'Maximum',
            Period: 300,
            Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['Dlq', 'QueueName'] } }],
          },
        },
      },
    );
    // Act / Assess
    expect(checkTemplate(t)).toEqual([]);
  });

  test('rejects a misspelt property', () => {
    const problems = checkTemplate(queueTemplate({ VisibilityTimout: 900 }));
    expect(problems).toEqual([
      'Resources.Queue.Properties: unknown property VisibilityTimout for AWS::SQS::Queue',
    ]);
  });

  test('rejects a misspelt property inside a nested property type', () => {
    const t: Template = {
      Resources: {
        Task: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            ContainerDefinitions: [{ Name: 'api', Image: 'x', PortMapings: [{ ContainerPort: 3000 }] }],
          },
        },
      },
    };
    expect(checkTemplate(t)).toEqual([
      'Resources.Task.Properties.ContainerDefinitions[0]: unknown property PortMapings for ContainerDefinition',
    ]);
  });

  test('rejects an unknown resource type, a wrong value shape and a missing required property', () => {
    const t: Template = {
      Resources: {
        A: { Type: 'AWS::SQS::Queu', Properties: {} },
        B: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 'fifteen minutes' } },
        C: { Type: 'AWS::EC2::SecurityGroup', Properties: { VpcId: 'vpc-1' } },
        D: { Type: 'AWS::SQS::Queue', Properties: { Tags: { stage: 'prod' } } },
      },
    };
    expect(checkTemplate(t)).toEqual([
      'Resources.A: unknown resource type AWS::SQS::Queu',
      'Resources.B.Properties.VisibilityTimeout: expected a number, got "fifteen minutes"',
      'Resources.C.Properties: missing required property GroupDescription of AWS::EC2::SecurityGroup',
      'Resources.D.Properties.Tags: expected a list',
    ]);
  });

  test('rejects dangling references: Ref, Fn::GetAtt (resource and attribute), Fn::Sub, conditions, DependsOn', () => {
    const t = queueTemplate(
      {
        QueueName: { Ref: 'Nope' },
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Queue', 'Url'] } },
        VisibilityTimeout: { 'Fn::If': ['IsStaging', 1, 2] },
        KmsMasterKeyId: { 'Fn::Sub': '${Missing.Arn}' },
      },
      { Other: { Type: 'AWS::SQS::Queue', DependsOn: 'Ghost', Condition: 'Never', Properties: {} } },
    );
    expect(checkTemplate(t).sort()).toEqual(
      [
        'Resources.Other: DependsOn unknown resource Ghost',
        'Resources.Other: unknown condition Never',
        'Resources.Queue.Properties.QueueName: Ref to unknown Nope',
        'Resources.Queue.Properties.RedrivePolicy.deadLetterTargetArn: AWS::SQS::Queue has no attribute Url (Fn::GetAtt Queue.Url)',
        'Resources.Queue.Properties.VisibilityTimeout: Fn::If on unknown condition IsStaging',
        'Resources.Queue.Properties.KmsMasterKeyId (Fn::Sub): Fn::GetAtt on unknown resource Missing',
      ].sort(),
    );
  });

  test('checks both branches of Fn::If against the property type', () => {
    const problems = checkTemplate(queueTemplate({ DelaySeconds: { 'Fn::If': ['IsProd', 5, 'soon'] } }));
    expect(problems).toEqual([
      'Resources.Queue.Properties.DelaySeconds.Fn::If[false]: expected a number, got "soon"',
    ]);
  });

  test('finds a dependency cycle', () => {
    const t: Template = {
      Resources: {
        A: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::GetAtt': ['B', 'QueueName'] } } },
        B: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::Sub': '${A.QueueName}-b' } } },
        C: { Type: 'AWS::SQS::Queue', DependsOn: 'A', Properties: {} },
      },
    };
    expect(findCycles(t)).toEqual([['A', 'B', 'A']]);
    expect(findCycles({ Resources: { C: t.Resources.C, A: { Type: 'AWS::SQS::Queue' } } })).toEqual([]);
  });
});

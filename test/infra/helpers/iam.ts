/**
 * IAM by simulation: turns the SDK commands the code sends (recorded with aws-sdk-client-mock) into IAM
 * requests - action, resource ARN, condition keys - and evaluates them with @cloud-copilot/iam-simulate
 * against a role of a packaged template. The template's intrinsic functions (Ref, Fn::GetAtt, Fn::Sub,
 * Fn::Join, Fn::If, Fn::Select) are resolved to made-up but well-formed physical ids, derived from the
 * logical ids and the resources' own name properties, so a policy and the environment the code reads
 * resolve to the same ARNs - exactly as CloudFormation would make them agree.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { Template } from './cfn-spec';
import { condition, type Json } from './template';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';
const P = 'aws';

/** A recorded SDK command: the client's service, the command name and its input. */
export interface RecordedCall {
  service: string;
  command: string;
  input: Json;
}

/** What IAM evaluates for one call. */
export interface IamRequest {
  action: string;
  resource: string;
  context?: Record<string, string | string[]>;
  /** The call that produced it, for messages. */
  call: string;
}

const lower = (s: string) => s.toLowerCase();

/** Resolves CloudFormation expressions of a packaged template to plausible physical values. */
export class TemplateResolver {
  constructor(readonly t: Template) {}

  private props(id: string): Record<string, Json> {
    return (this.t.Resources[id]?.Properties ?? {}) as Record<string, Json>;
  }

  private nameProp(id: string, prop: string, fallback: string): string {
    const v = this.props(id)[prop];
    return v === undefined ? fallback : String(this.resolve(v));
  }

  /** The value of `Ref: id`. */
  ref(id: string): string {
    if (id === 'AWS::Region') return REGION;
    if (id === 'AWS::AccountId') return ACCOUNT;
    if (id === 'AWS::Partition') return P;
    if (id === 'AWS::URLSuffix') return 'amazonaws.com';
    if (id === 'AWS::StackName') return 'scalemap-stack';
    if (id === 'AWS::NoValue') return '';
    const r = this.t.Resources[id];
    if (!r) throw new Error(`Ref to unknown resource ${id}`);
    const slug = `${lower(id)}-abc123`;
    switch (r.Type) {
      case 'AWS::SQS::Queue':
        return `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${this.nameProp(id, 'QueueName', slug)}`;
      case 'AWS::SNS::Topic':
        return `arn:${P}:sns:${REGION}:${ACCOUNT}:${this.nameProp(id, 'TopicName', slug)}`;
      case 'AWS::SecretsManager::Secret':
        return `arn:${P}:secretsmanager:${REGION}:${ACCOUNT}:secret:${this.nameProp(id, 'Name', slug)}-AbCdEf`;
      case 'AWS::Cognito::UserPool':
        return `${REGION}_${id.replace(/[^A-Za-z0-9]/g, '').slice(0, 9)}`;
      case 'AWS::Cognito::UserPoolClient':
        return `client${lower(id)}`;
      case 'AWS::ECS::Cluster':
        return this.nameProp(id, 'ClusterName', slug);
      case 'AWS::Events::EventBus':
        return this.nameProp(id, 'Name', slug);
      case 'AWS::StepFunctions::StateMachine':
        return `arn:${P}:states:${REGION}:${ACCOUNT}:stateMachine:${this.nameProp(id, 'StateMachineName', slug)}`;
      case 'AWS::S3::Bucket':
        return this.nameProp(id, 'BucketName', `scalemap-${slug}`);
      case 'AWS::EC2::Subnet':
        return `subnet-${lower(id)}`;
      case 'AWS::EC2::SecurityGroup':
        return `sg-${lower(id)}`;
      case 'AWS::Lambda::Function':
        return this.nameProp(id, 'FunctionName', slug);
      case 'AWS::IAM::Role':
        return this.nameProp(id, 'RoleName', id);
      case 'AWS::ECS::TaskDefinition':
        return `arn:${P}:ecs:${REGION}:${ACCOUNT}:task-definition/${this.nameProp(id, 'Family', slug)}:1`;
      default:
        return slug;
    }
  }

  /** The value of `Fn::GetAtt: [id, attr]`. */
  getAtt(id: string, attr: string): string {
    const r = this.t.Resources[id];
    if (!r) throw new Error(`GetAtt of unknown resource ${id}`);
    const ref = this.ref(id);
    if (attr !== 'Arn') {
      if (r.Type === 'AWS::SQS::Queue' && attr === 'QueueName') return ref.split('/').pop()!;
      if (attr === 'Name') return ref;
      if (attr.endsWith('SecretArn'))
        // e.g. the RDS-managed master secret
        return `arn:${P}:secretsmanager:${REGION}:${ACCOUNT}:secret:rds!db-${lower(id)}-AbCdEf`;
      return `${lower(id)}-${lower(attr)}`;
    }
    switch (r.Type) {
      case 'AWS::SQS::Queue':
        return `arn:${P}:sqs:${REGION}:${ACCOUNT}:${ref.split('/').pop()}`;
      case 'AWS::Cognito::UserPool':
        return `arn:${P}:cognito-idp:${REGION}:${ACCOUNT}:userpool/${ref}`;
      case 'AWS::ECS::Cluster':
        return `arn:${P}:ecs:${REGION}:${ACCOUNT}:cluster/${ref}`;
      case 'AWS::Events::EventBus':
        return `arn:${P}:events:${REGION}:${ACCOUNT}:event-bus/${ref}`;
      case 'AWS::S3::Bucket':
        return `arn:${P}:s3:::${ref}`;
      case 'AWS::Lambda::Function':
        return `arn:${P}:lambda:${REGION}:${ACCOUNT}:function:${ref}`;
      case 'AWS::IAM::Role':
        return `arn:${P}:iam::${ACCOUNT}:role/${ref}`;
      case 'AWS::Logs::LogGroup':
        return `arn:${P}:logs:${REGION}:${ACCOUNT}:log-group:${this.nameProp(id, 'LogGroupName', ref)}:*`;
      case 'AWS::ECR::Repository':
        return `arn:${P}:ecr:${REGION}:${ACCOUNT}:repository/${this.nameProp(id, 'RepositoryName', ref)}`;
      case 'AWS::SNS::Topic':
      case 'AWS::SecretsManager::Secret':
      case 'AWS::StepFunctions::StateMachine':
      case 'AWS::ECS::TaskDefinition':
        return ref;
      default:
        return `arn:${P}:${lower(r.Type.split('::')[1])}:${REGION}:${ACCOUNT}:${ref}`;
    }
  }

  private sub(text: string, vars: Record<string, Json> = {}): string {
    return text.replace(/\$\{([^}!][^}]*)\}/g, (_, name: string) => {
      if (name in vars) return String(this.resolve(vars[name]));
      const dot = name.indexOf('.');
      if (dot > 0 && !name.startsWith('AWS::')) return this.getAtt(name.slice(0, dot), name.slice(dot + 1));
      return this.ref(name);
    });
  }

  /** Resolves an expression (deeply for arrays and plain objects). */
  resolve(v: Json): Json {
    if (Array.isArray(v)) return v.map((x) => this.resolve(x)).filter((x) => x !== undefined);
    if (!v || typeof v !== 'object') return v;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const [k] = keys;
      const a = v[k];
      if (k === 'Ref') return a === 'AWS::NoValue' ? undefined : this.ref(a);
      if (k === 'Fn::GetAtt') {
        const [id, attr] = Array.isArray(a) ? a : String(a).split(/\.(.*)/);
        return this.getAtt(id, attr);
      }
      if (k === 'Fn::Sub') return Array.isArray(a) ? this.sub(a[0], a[1]) : this.sub(a);
      if (k === 'Fn::Join') return (this.resolve(a[1]) as Json[]).join(a[0]);
      if (k === 'Fn::If') return this.resolve(condition(this.t, a[0]) ? a[1] : a[2]);
      if (k === 'Fn::Select') return (this.resolve(a[1]) as Json[])[Number(a[0])];
      if (k === 'Fn::GetAZs') return [`${REGION}a`, `${REGION}b`, `${REGION}c`];
    }
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) {
      const r = this.resolve(x);
      if (r !== undefined) out[k] = r;
    }
    return out;
  }
}

export interface PolicyStatement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Json;
}

/** The identity policies of a role (inline policies and attached managed policies of the template), resolved. */
export function rolePolicies(
  res: TemplateResolver,
  roleId: string,
): { name: string; policy: { Version: string; Statement: PolicyStatement[] } }[] {
  const t = res.t;
  const role = t.Resources[roleId];
  if (!role || role.Type !== 'AWS::IAM::Role') throw new Error(`${roleId} is not a role of the template`);
  const p = (role.Properties ?? {}) as Json;
  const out: { name: string; policy: { Version: string; Statement: PolicyStatement[] } }[] = [];
  for (const pol of (res.resolve(p.Policies ?? []) as Json[]) ?? []) {
    out.push({
      name: String(pol.PolicyName),
      policy: { Version: '2012-10-17', Statement: [].concat(pol.PolicyDocument.Statement) },
    });
  }
  for (const [id, r] of Object.entries(t.Resources)) {
    if (r.Type !== 'AWS::IAM::Policy' && r.Type !== 'AWS::IAM::ManagedPolicy') continue;
    const rp = (r.Properties ?? {}) as Json;
    const roles = JSON.stringify(rp.Roles ?? []);
    if (!roles.includes(`"${roleId}"`)) continue;
    const doc = res.resolve(rp.PolicyDocument) as Json;
    out.push({ name: id, policy: { Version: '2012-10-17', Statement: [].concat(doc.Statement) } });
  }
  return out;
}

/** Evaluates one request against a role's identity policies. */
export async function simulate(
  res: TemplateResolver,
  roleId: string,
  req: IamRequest,
): Promise<{ allowed: boolean; detail: string }> {
  const policies = rolePolicies(res, roleId);
  const result = await runSimulation(
    {
      request: {
        principal: `arn:${P}:iam::${ACCOUNT}:role/${roleId}`,
        action: req.action,
        resource: { resource: req.resource, accountId: ACCOUNT },
        contextVariables: req.context ?? {},
      },
      identityPolicies: policies,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType === 'error')
    return { allowed: false, detail: `simulator refused the request: ${JSON.stringify(result.errors)}` };
  return { allowed: result.overallResult === 'Allowed', detail: result.overallResult };
}

/** Whether a statement of a role could apply to an action (wildcards in actions honoured). */
export function statementCovers(s: PolicyStatement, action: string): boolean {
  if (s.Effect !== 'Allow') return false;
  return ([] as string[]).concat(s.Action).some((a) => {
    const re = new RegExp(`^${a.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
    return re.test(action);
  });
}

// ------------------------------------------------------------------------------------------------------
// SDK command -> IAM request
// ------------------------------------------------------------------------------------------------------

/** Cognito user-pool APIs that are public (authorised by the app client or a token, not by IAM). */
const COGNITO_PUBLIC = new Set([
  'SignUp',
  'ConfirmSignUp',
  'InitiateAuth',
  'RespondToAuthChallenge',
  'ForgotPassword',
  'ConfirmForgotPassword',
  'GlobalSignOut',
  'RevokeToken',
  'AssociateSoftwareToken',
  'VerifySoftwareToken',
  'SetUserMFAPreference',
  'GetUser',
  'ChangePassword',
  'ResendConfirmationCode',
]);

function sqsArn(queueUrl: string): string {
  const [account, name] = new URL(queueUrl).pathname.split('/').slice(1);
  return `arn:${P}:sqs:${REGION}:${account}:${name}`;
}

export interface MappingContext {
  /** ECS cluster name -> ARN, task definition family -> its roles (for iam:PassRole). */
  clusterArn(name: string): string;
  taskRoles(family: string): string[];
  /** The SES identity the sender address is authorised through. */
  sesIdentity(fromAddress: string): string;
  userPoolArn(poolId: string): string;
}

/** The IAM requests one SDK command makes (several for RunTask: the task, its tags and the roles passed). */
export function toIamRequests(call: RecordedCall, m: MappingContext): IamRequest[] {
  const { service, command, input } = call;
  const name = `${service}:${command}`;
  const one = (action: string, resource: string, context?: IamRequest['context']): IamRequest => ({
    action,
    resource,
    context,
    call: name,
  });
  switch (service) {
    case 'sqs': {
      const action = command === 'SendMessageBatch' ? 'SendMessage' : command;
      return [one(`sqs:${action}`, sqsArn(input.QueueUrl))];
    }
    case 'sns':
      return [one('sns:Publish', input.TopicArn)];
    case 'events':
      return [one('events:PutEvents', busArn(input.Entries?.[0]?.EventBusName ?? 'default'))];
    case 'states': {
      if (command === 'StartExecution') return [one('states:StartExecution', input.stateMachineArn)];
      // Task-token APIs take no resource: IAM only accepts "*" for them.
      return [one(`states:${command}`, '*')];
    }
    case 'secretsmanager':
      return [one('secretsmanager:GetSecretValue', input.SecretId)];
    case 's3': {
      const bucket = input.Bucket as string;
      const obj = `arn:${P}:s3:::${bucket}/${input.Key ?? ''}`;
      const map: Record<string, [string, string]> = {
        PutObject: ['s3:PutObject', obj],
        GetObject: ['s3:GetObject', obj],
        HeadObject: ['s3:GetObject', obj],
        DeleteObject: ['s3:DeleteObject', obj],
        HeadBucket: ['s3:ListBucket', `arn:${P}:s3:::${bucket}`],
        ListObjectsV2: ['s3:ListBucket', `arn:${P}:s3:::${bucket}`],
      };
      const hit = map[command];
      if (!hit) throw new Error(`no IAM mapping for ${name}`);
      return [one(hit[0], hit[1])];
    }
    case 'ses': {
      if (command !== 'SendEmail') throw new Error(`no IAM mapping for ${name}`);
      const from = input.FromEmailAddress as string;
      return [
        one('ses:SendEmail', m.sesIdentity(from), {
          'ses:FromAddress': from,
          'ses:ApiVersion': '2',
        }),
      ];
    }
    case 'cognito-idp': {
      if (COGNITO_PUBLIC.has(command)) return [];
      return [one(`cognito-idp:${command}`, m.userPoolArn(input.UserPoolId))];
    }
    case 'ecs': {
      const clusterArn = m.clusterArn(input.cluster);
      const clusterName = clusterArn.split('/').pop();
      if (command === 'RunTask') {
        const family = String(input.taskDefinition).replace(/:\d+$/, '');
        const out = [
          one('ecs:RunTask', `arn:${P}:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:1`, {
            'ecs:cluster': clusterArn,
          }),
        ];
        if ((input.tags ?? []).length > 0)
          out.push(
            one('ecs:TagResource', `arn:${P}:ecs:${REGION}:${ACCOUNT}:task/${clusterName}/0123456789abcdef`, {
              'ecs:CreateAction': 'RunTask',
            }),
          );
        for (const role of m.taskRoles(family))
          out.push(one('iam:PassRole', role, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }));
        return out;
      }
      if (command === 'DescribeTasks')
        return (input.tasks as string[]).map((task) =>
          one(
            'ecs:DescribeTasks',
            task.startsWith('arn:') ? task : `arn:${P}:ecs:${REGION}:${ACCOUNT}:task/${clusterName}/${task}`,
            {
              'ecs:cluster': clusterArn,
            },
          ),
        );
      if (command === 'ListTasks') return [one('ecs:ListTasks', '*', { 'ecs:cluster': clusterArn })];
      throw new Error(`no IAM mapping for ${name}`);
    }
    default:
      throw new Error(`no IAM mapping for ${name}`);
  }
}

function busArn(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:')
    ? nameOrArn
    : `arn:${P}:events:${REGION}:${ACCOUNT}:event-bus/${nameOrArn}`;
}

/** The MappingContext of a packaged template. */
export function mappingFor(res: TemplateResolver, sesIdentity: string | undefined): MappingContext {
  const t = res.t;
  return {
    clusterArn: (name) =>
      name.startsWith('arn:') ? name : `arn:${P}:ecs:${REGION}:${ACCOUNT}:cluster/${name}`,
    taskRoles: (family) => {
      const def = Object.entries(t.Resources).find(
        ([, r]) =>
          r.Type === 'AWS::ECS::TaskDefinition' && res.resolve((r.Properties as Json).Family) === family,
      );
      if (!def) throw new Error(`no task definition of family ${family} in the template`);
      const p = def[1].Properties as Json;
      return [res.resolve(p.TaskRoleArn), res.resolve(p.ExecutionRoleArn)].filter(Boolean);
    },
    sesIdentity: (from) =>
      `arn:${P}:ses:${REGION}:${ACCOUNT}:identity/${sesIdentity || from.split('@')[1] || from}`,
    userPoolArn: (id) => `arn:${P}:cognito-idp:${REGION}:${ACCOUNT}:userpool/${id}`,
  };
}

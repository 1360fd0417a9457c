/**
 * Checks a CloudFormation template against the CloudFormation resource specification shipped by
 * @aws-cdk/aws-service-spec (its db.json.gz): every resource type must exist, every property name must be
 * one the type (or the nested property type) declares, values must have the declared shape, required
 * properties must be present, and Ref / Fn::GetAtt / Fn::Sub / Condition must point at things that exist
 * (including the attribute names of GetAtt). A misspelt property is reported, not silently deployed.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';

/** The parts of the spec database this checker reads (structural, to stay independent of its type package). */
interface SpecType {
  type: string;
  element?: SpecType;
  types?: SpecType[];
  reference?: { $ref: string };
}
interface SpecProperty {
  type: SpecType;
  previousTypes?: SpecType[];
  required?: boolean;
}
interface SpecShape {
  name: string;
  properties: Record<string, SpecProperty>;
}
interface SpecResource extends SpecShape {
  cloudFormationType: string;
  attributes: Record<string, unknown>;
}
interface SpecDb {
  lookup(entity: 'resource', index: 'cloudFormationType', op: 'equals', value: string): SpecResource[];
  get(entity: 'typeDefinition', id: string): SpecShape;
}

export type Template = {
  Resources: Record<string, TemplateResource>;
  Conditions?: Record<string, unknown>;
  Parameters?: Record<string, unknown>;
  Outputs?: Record<string, unknown>;
  Mappings?: Record<string, unknown>;
};
export type TemplateResource = {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  [key: string]: unknown;
};

const RESOURCE_KEYS = new Set([
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy',
]);
const DELETION_POLICIES = new Set(['Delete', 'Retain', 'Snapshot', 'RetainExceptOnCreate']);
const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);
const INTRINSICS = new Set([
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::If',
  'Fn::Base64',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::FindInMap',
  'Fn::Cidr',
  'Fn::Length',
  'Fn::ToJsonString',
  'Fn::Equals',
  'Fn::Not',
  'Fn::And',
  'Fn::Or',
  'Condition',
]);

let cachedDb: SpecDb | undefined;
function specDb(): SpecDb {
  cachedDb ??= loadAwsServiceSpecSync() as unknown as SpecDb;
  return cachedDb;
}

export function resourceSpec(type: string): SpecResource | undefined {
  return specDb().lookup('resource', 'cloudFormationType', 'equals', type)[0];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function intrinsicName(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  return keys.length === 1 && INTRINSICS.has(keys[0]) ? keys[0] : undefined;
}

/** Checks the template; returns one line per problem (empty when the template conforms). */
export function checkTemplate(template: Template): string[] {
  const problems: string[] = [];
  const resources = template.Resources ?? {};
  const conditions = template.Conditions ?? {};
  const parameters = template.Parameters ?? {};

  const refTargetExists = (name: string) =>
    name in resources || name in parameters || PSEUDO_PARAMETERS.has(name);
  const getAttOk = (path: string, resource: string, attribute: string) => {
    const target = resources[resource];
    if (!target) return problems.push(`${path}: Fn::GetAtt on unknown resource ${resource}`);
    if (target.Type.startsWith('Custom::') || target.Type === 'AWS::CloudFormation::CustomResource') return;
    const spec = resourceSpec(target.Type);
    if (spec && !(attribute in spec.attributes)) {
      problems.push(
        `${path}: ${target.Type} has no attribute ${attribute} (Fn::GetAtt ${resource}.${attribute})`,
      );
    }
  };

  /** Validates every Ref / Fn::GetAtt / Fn::Sub / Fn::If / Condition found anywhere inside `value`. */
  const scanRefs = (path: string, value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => scanRefs(`${path}[${i}]`, v));
      return;
    }
    if (!isObject(value)) return;
    const fn = intrinsicName(value);
    const arg = fn ? value[fn] : undefined;
    switch (fn) {
      case 'Ref':
        if (typeof arg !== 'string' || !refTargetExists(arg))
          problems.push(`${path}: Ref to unknown ${String(arg)}`);
        return;
      case 'Fn::GetAtt': {
        const [res, ...attr] = Array.isArray(arg) ? (arg as string[]) : String(arg).split('.');
        getAttOk(path, res, attr.join('.'));
        return;
      }
      case 'Fn::Sub': {
        const [text, vars] = Array.isArray(arg)
          ? [String(arg[0]), (arg[1] ?? {}) as Record<string, unknown>]
          : [String(arg), {} as Record<string, unknown>];
        for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const ref = m[1].trim();
          if (ref in vars) continue;
          const [res, ...attr] = ref.split('.');
          if (attr.length > 0) getAttOk(`${path} (Fn::Sub)`, res, attr.join('.'));
          else if (!refTargetExists(res)) problems.push(`${path}: Fn::Sub references unknown ${ref}`);
        }
        scanRefs(`${path}.Fn::Sub`, vars);
        return;
      }
      case 'Fn::If': {
        const [cond, ...branches] = arg as [string, unknown, unknown];
        if (!(cond in conditions)) problems.push(`${path}: Fn::If on unknown condition ${cond}`);
        scanRefs(`${path}.Fn::If`, branches);
        return;
      }
      case 'Condition':
        if (typeof arg !== 'string' || !(arg in conditions))
          problems.push(`${path}: unknown condition ${String(arg)}`);
        return;
      default:
        for (const [k, v] of Object.entries(value)) scanRefs(`${path}.${k}`, v);
    }
  };

  const isNoValue = (v: unknown) => isObject(v) && v.Ref === 'AWS::NoValue';

  /** Checks `value` against `type`; collects problems into `out`. */
  const checkValue = (path: string, value: unknown, types: SpecType[], out: string[]): void => {
    if (isNoValue(value)) return;
    const fn = intrinsicName(value);
    if (fn === 'Fn::If') {
      // Both branches must fit the property's type (AWS::NoValue and nested intrinsics excepted).
      const [, a, b] = (value as Record<string, unknown[]>)[fn];
      checkValue(`${path}.Fn::If[true]`, a, types, out);
      checkValue(`${path}.Fn::If[false]`, b, types, out);
      return;
    }
    if (fn) return; // any other intrinsic yields a value CloudFormation checks at deploy time
    // Accept the value when any of the allowed types (current or previous, or union members) fits.
    const attempts: string[][] = [];
    for (const t of types) {
      const errs: string[] = [];
      checkOne(path, value, t, errs);
      if (errs.length === 0) return;
      attempts.push(errs);
    }
    out.push(...(attempts.sort((a, b) => a.length - b.length)[0] ?? [`${path}: no type to check against`]));
  };

  const checkOne = (path: string, value: unknown, type: SpecType, out: string[]): void => {
    switch (type.type) {
      case 'string':
      case 'date-time':
        if (typeof value === 'object') out.push(`${path}: expected a string`);
        return;
      case 'integer':
      case 'number':
        if (!(
          typeof value === 'number' ||
          (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value)))
        ))
          out.push(`${path}: expected a number, got ${JSON.stringify(value)}`);
        return;
      case 'boolean':
        if (!(typeof value === 'boolean' || value === 'true' || value === 'false'))
          out.push(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
        return;
      case 'json':
        return;
      case 'null':
        if (value !== null) out.push(`${path}: expected null`);
        return;
      case 'tag':
        if (!isObject(value) || !('Key' in value) || !('Value' in value))
          out.push(`${path}: expected a {Key, Value} tag`);
        else
          for (const k of Object.keys(value))
            if (k !== 'Key' && k !== 'Value') out.push(`${path}: unknown tag field ${k}`);
        return;
      case 'array':
        if (!Array.isArray(value)) {
          out.push(`${path}: expected a list`);
          return;
        }
        value.forEach((v, i) => checkValue(`${path}[${i}]`, v, [type.element as SpecType], out));
        return;
      case 'map':
        if (!isObject(value)) {
          out.push(`${path}: expected a map`);
          return;
        }
        for (const [k, v] of Object.entries(value))
          checkValue(`${path}.${k}`, v, [type.element as SpecType], out);
        return;
      case 'union':
        checkValue(path, value, type.types ?? [], out);
        return;
      case 'ref': {
        const def = specDb().get('typeDefinition', (type.reference as { $ref: string }).$ref);
        if (!isObject(value)) {
          out.push(`${path}: expected a ${def.name} object`);
          return;
        }
        checkProperties(path, value, def, out);
        return;
      }
      default:
        return; // unknown spec kinds: accept
    }
  };

  const checkProperties = (
    path: string,
    value: Record<string, unknown>,
    shape: SpecShape,
    out: string[],
  ): void => {
    for (const [name, v] of Object.entries(value)) {
      const prop = shape.properties[name];
      if (!prop) {
        out.push(`${path}: unknown property ${name} for ${shape.name}`);
        continue;
      }
      checkValue(`${path}.${name}`, v, [prop.type, ...(prop.previousTypes ?? [])], out);
    }
    for (const [name, prop] of Object.entries(shape.properties)) {
      if (prop.required && !(name in value))
        out.push(`${path}: missing required property ${name} of ${shape.name}`);
    }
  };

  for (const [id, res] of Object.entries(resources)) {
    const path = `Resources.${id}`;
    for (const key of Object.keys(res))
      if (!RESOURCE_KEYS.has(key)) problems.push(`${path}: unknown resource key ${key}`);
    for (const key of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
      const policy = res[key];
      if (policy !== undefined && !DELETION_POLICIES.has(String(policy)))
        problems.push(`${path}: invalid ${key} ${String(policy)}`);
    }
    if (res.Condition && !(res.Condition in conditions))
      problems.push(`${path}: unknown condition ${res.Condition}`);
    for (const dep of ([] as string[]).concat(res.DependsOn ?? []))
      if (!(dep in resources)) problems.push(`${path}: DependsOn unknown resource ${dep}`);
    if (res.Type.startsWith('Custom::') || res.Type === 'AWS::CloudFormation::CustomResource') continue;
    const spec = resourceSpec(res.Type);
    if (!spec) {
      problems.push(`${path}: unknown resource type ${res.Type}`);
      continue;
    }
    const props = res.Properties ?? {};
    if (!isObject(props)) {
      problems.push(`${path}: Properties must be an object`);
      continue;
    }
    checkProperties(`${path}.Properties`, props, { name: res.Type, properties: spec.properties }, problems);
  }

  scanRefs('Resources', resources);
  scanRefs('Conditions', conditions);
  scanRefs('Outputs', template.Outputs ?? {});
  return problems;
}

/** The resources each resource depends on: DependsOn plus every Ref / Fn::GetAtt / Fn::Sub reference. */
export function dependencies(template: Template): Map<string, Set<string>> {
  const resources = template.Resources ?? {};
  const deps = new Map<string, Set<string>>();
  const collect = (value: unknown, into: Set<string>): void => {
    if (Array.isArray(value)) return value.forEach((v) => collect(v, into));
    if (!isObject(value)) return;
    const fn = intrinsicName(value);
    const arg = fn ? value[fn] : undefined;
    if (fn === 'Ref' && typeof arg === 'string' && arg in resources) into.add(arg);
    else if (fn === 'Fn::GetAtt') {
      const res = Array.isArray(arg) ? String(arg[0]) : String(arg).split('.')[0];
      if (res in resources) into.add(res);
    } else if (fn === 'Fn::Sub') {
      const [text, vars] = Array.isArray(arg) ? [String(arg[0]), arg[1]] : [String(arg), undefined];
      for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const res = m[1].trim().split('.')[0];
        if (res in resources) into.add(res);
      }
      collect(vars, into);
      return;
    }
    for (const v of Object.values(value)) collect(v, into);
  };
  for (const [id, r] of Object.entries(resources)) {
    const into = new Set<string>(([] as string[]).concat(r.DependsOn ?? []));
    collect(r.Properties, into);
    deps.set(id, into);
  }
  return deps;
}

/** Dependency cycles (CloudFormation refuses a template with one); empty when there is none. */
export function findCycles(template: Template): string[][] {
  const deps = dependencies(template);
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (id: string) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      cycles.push([...stack.slice(stack.indexOf(id)), id]);
      return;
    }
    state.set(id, 'visiting');
    stack.push(id);
    for (const d of deps.get(id) ?? []) visit(d);
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of deps.keys()) visit(id);
  return cycles;
}

import type { FieldIssue } from "../../api/client.ts";
import type { RuleSetKind } from "../../api/types.ts";
import type {
  ConditionOp,
  FactField,
  RuleCondition,
  RuleSet,
  RuleSetCreate,
  RuleSetDefinition,
} from "./api.ts";
import { FACT_TYPES, OPS_BY_TYPE } from "./vocab.ts";

/** A condition while it is being edited: its value may be missing or of the previous operator's shape. */
export interface ConditionValues {
  field: FactField;
  op: ConditionOp;
  value?: unknown;
}
export interface RuleValues {
  id: string;
  description: string;
  all: ConditionValues[];
}
export interface ClassValues {
  code: string;
  labelZh: string;
  labelEn: string;
  rules: RuleValues[];
}
export interface FallbackValues {
  code: string;
  labelZh: string;
  labelEn: string;
  reason: string;
}
export interface DraftValues {
  name: string;
  /** Off: customers no rule places stay unclassified (the definition's fallback is null). */
  withFallback: boolean;
  definition: { classes: ClassValues[]; fallback: FallbackValues };
}

/** The empty value an operator starts from; numbers are left blank so a threshold is always chosen. */
export function startValue(field: FactField, op: ConditionOp): unknown {
  switch (op) {
    case "in":
      return [];
    case "present":
      return true;
    case "eq":
      return FACT_TYPES[field] === "flag" ? true : undefined;
    default:
      return undefined;
  }
}

/**
 * A condition moved to another field keeps its operator when the new field allows it, and its value
 * only between fields read alike (handsets ↔ employees): an industry code means nothing as a cluster type.
 */
export function retarget(condition: ConditionValues, field: FactField): ConditionValues {
  const type = FACT_TYPES[field];
  const ops = OPS_BY_TYPE[type];
  const op = ops.includes(condition.op) ? condition.op : (ops[0] ?? "present");
  const alike = type === FACT_TYPES[condition.field] && type !== "code";
  const keep = op === condition.op && (alike || op === "present");
  return { field, op, value: keep ? condition.value : startValue(field, op) };
}

const COMPARISONS: readonly ConditionOp[] = ["gte", "lt"];

/** Turning ≥ into < keeps the threshold; any other change of operator changes the value's shape. */
export function reoperate(condition: ConditionValues, op: ConditionOp): ConditionValues {
  const keep = COMPARISONS.includes(op) && COMPARISONS.includes(condition.op);
  return { field: condition.field, op, value: keep ? condition.value : startValue(condition.field, op) };
}

export const newCondition = (): ConditionValues => ({ field: "handsets", op: "gte", value: undefined });

/** A rule id no other rule of the set uses: `<class>_<n>`. */
export function newRuleId(classCode: string, taken: ReadonlySet<string>): string {
  const base = (classCode.trim() || "rule").toLowerCase();
  let n = 1;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

export const ruleIdsOf = (classes: readonly ClassValues[] | undefined): Set<string> =>
  new Set((classes ?? []).flatMap((c) => (c.rules ?? []).map((r) => r.id)));

const EMPTY_FALLBACK: FallbackValues = { code: "", labelZh: "", labelEn: "", reason: "" };

/** A new draft starts as a copy of the revision it revises (normally the active one). */
export function draftFrom(base: RuleSet | undefined): DraftValues {
  const definition: RuleSetDefinition = base
    ? structuredClone(base.definition)
    : { classes: [{ code: "", labelZh: "", labelEn: "", rules: [] }], fallback: null };
  return {
    name: base?.name ?? "",
    withFallback: definition.fallback !== null,
    definition: { classes: definition.classes, fallback: definition.fallback ?? EMPTY_FALLBACK },
  };
}

const trimmed = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "string" ? v.trim() : v])) as T;

/** A condition's value in the shape its operator takes: codes trimmed, an empty tag list dropped. */
function conditionOf(c: ConditionValues): RuleCondition {
  const value = Array.isArray(c.value)
    ? c.value.map((v) => String(v).trim()).filter(Boolean)
    : typeof c.value === "string"
      ? c.value.trim()
      : c.value;
  return { field: c.field, op: c.op, value } as RuleCondition;
}

/** The form as the API takes it; the server checks the shape again and answers field by field. */
export function toRuleSetCreate(kind: RuleSetKind, v: DraftValues): RuleSetCreate {
  return {
    kind,
    name: v.name.trim(),
    definition: {
      classes: (v.definition.classes ?? []).map((c) => ({
        ...trimmed({ code: c.code, labelZh: c.labelZh, labelEn: c.labelEn }),
        rules: (c.rules ?? []).map((r) => ({
          ...trimmed({ id: r.id, description: r.description }),
          all: (r.all ?? []).map(conditionOf),
        })),
      })),
      fallback: v.withFallback ? trimmed(v.definition.fallback) : null,
    },
  };
}

/** "definition.classes.0.rules.1.all.0.value" → the form's name path of that field. */
export const namePathOf = (issue: FieldIssue): (string | number)[] =>
  issue.field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));

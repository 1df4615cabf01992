import type { Contact, DecisionRole } from "../../api/types.ts";
import { DECISION_ROLES } from "./vocab.ts";

export interface ChainNode {
  contact: Contact;
  children: ChainNode[];
}

/**
 * The reporting tree from `reportsToId`. Roots are contacts without a boss (or whose boss is not among
 * these contacts); a loop, which the data should not hold, is cut where it is first met.
 */
export function buildDecisionChain(contacts: readonly Contact[]): ChainNode[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const reports = new Map<string, Contact[]>();
  for (const c of contacts) {
    if (!c.reportsToId || !byId.has(c.reportsToId) || c.reportsToId === c.id) continue;
    reports.set(c.reportsToId, [...(reports.get(c.reportsToId) ?? []), c]);
  }
  const placed = new Set<string>();
  const grow = (contact: Contact): ChainNode => {
    placed.add(contact.id);
    const children = (reports.get(contact.id) ?? []).filter((c) => !placed.has(c.id));
    for (const c of children) placed.add(c.id);
    return { contact, children: children.map(grow) };
  };
  const isRoot = (c: Contact) => !c.reportsToId || !byId.has(c.reportsToId) || c.reportsToId === c.id;
  const roots = contacts.filter(isRoot).map(grow);
  for (const c of contacts) if (!placed.has(c.id)) roots.push(grow(c));
  return roots;
}

/** True when at least one contact names a boss, so a tree says more than a grouping. */
export const hasReportingLines = (contacts: readonly Contact[]): boolean =>
  contacts.some((c) => c.reportsToId && contacts.some((b) => b.id === c.reportsToId));

/** Contacts by decision role, in the vocabulary's order; empty roles left out. */
export function groupByRole(contacts: readonly Contact[]): { role: DecisionRole; contacts: Contact[] }[] {
  return DECISION_ROLES.map((role) => ({
    role,
    contacts: contacts.filter((c) => c.decisionRole === role),
  })).filter((g) => g.contacts.length > 0);
}

/** The contact and everyone below it: none of them can become its boss without making a loop. */
export function subtreeIds(contacts: readonly Contact[], rootId: string): Set<string> {
  const out = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of contacts) {
      if (c.reportsToId && out.has(c.reportsToId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

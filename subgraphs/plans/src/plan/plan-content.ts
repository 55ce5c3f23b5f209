import { randomUUID } from 'node:crypto';
import { InputError } from '@hub/service-kit';
import type { PlanKindCode } from './plan.entity';

/** Placement plan areas PPC-01..PPC-14 (DOMAIN §12; CPPCR Sch 2). */
export const PLACEMENT_PLAN_AREAS: ReadonlyArray<{ code: string; title: string }> = [
  { code: 'PPC-01', title: 'Day-to-day care and safeguarding' },
  { code: 'PPC-02', title: 'Contact arrangements' },
  { code: 'PPC-03', title: 'Health, dental and optical care' },
  { code: 'PPC-04', title: 'Education and training' },
  { code: 'PPC-05', title: 'Delegated authority' },
  { code: 'PPC-06', title: 'Social worker visits and support' },
  { code: 'PPC-07', title: 'Independent Visitor arrangements' },
  { code: 'PPC-08', title: 'Circumstances for ending the placement' },
  { code: 'PPC-09', title: 'IRO, Independent Visitor, social worker and personal adviser contacts' },
  { code: 'PPC-10', title: 'Type of accommodation and address' },
  { code: 'PPC-11', title: 'Keeping safe (safeguarding or missing concerns)' },
  { code: 'PPC-12', title: 'Behaviours of concern' },
  { code: 'PPC-13', title: 'Identity: history, religion, gender identity, culture, language, ethnicity' },
  { code: 'PPC-14', title: 'Financial support' },
];

/** Pathway plan areas (seed 000, seed 002; CPPCR reg 43). */
export const PATHWAY_PLAN_AREAS: ReadonlyArray<{ code: string; title: string }> = [
  { code: 'ACCOMMODATION', title: 'Accommodation' },
  { code: 'LIFE_SKILLS', title: 'Practical and other life skills' },
  { code: 'EDUCATION', title: 'Education and training' },
  { code: 'EMPLOYMENT', title: 'Employment' },
  { code: 'FINANCE', title: 'Financial support and capability' },
  { code: 'SUPPORT', title: 'Family, social relationships and support' },
  { code: 'CONTINGENCY', title: 'Contingency plans' },
];

/** Children's Homes Quality Standards (CHR 2015 regs 6–14), which PCPP objectives are linked to. */
export const QUALITY_STANDARDS = [
  'QUALITY_AND_PURPOSE_OF_CARE', 'VIEWS_WISHES_AND_FEELINGS', 'EDUCATION', 'ENJOYMENT_AND_ACHIEVEMENT', 'HEALTH_AND_WELLBEING',
  'POSITIVE_RELATIONSHIPS', 'PROTECTION_OF_CHILDREN', 'LEADERSHIP_AND_MANAGEMENT', 'CARE_PLANNING',
] as const;

/** A written area of a structured plan. */
export interface PlanArea {
  code: string;
  text: string;
  /** Why the area is not written (seeds 000, 001: a plan says which areas are missing and why). */
  missingReason?: string | null;
}

/** A provider plan objective (PCPP), linked to the plan it comes from and a Quality Standard. */
export interface PlanObjective {
  id: string;
  text: string;
  sourcePlanId?: string | null;
  qualityStandard: string;
}

/** Content of one version; which fields apply depends on the plan kind. */
export interface PlanContent {
  summary?: string | null;
  /** CARE: the plan for permanence (CP-CONTENT, CP-PERM-2NDREV). */
  permanencePlan?: string | null;
  /** CARE: the IRO's name and contact details (CP-IRO-DETAILS). */
  iroName?: string | null;
  iroContact?: string | null;
  /** CARE: a final care plan for care proceedings (APP-CP-COURT: endorsed by the Designated Manager). */
  forCourtProceedings?: boolean;
  wishesAndFeelings?: string | null;
  contactArrangements?: string | null;
  areas?: PlanArea[];
  objectives?: PlanObjective[];
}

/** What a caller may send as content. */
export interface PlanContentPatch {
  summary?: string | null;
  permanencePlan?: string | null;
  iroName?: string | null;
  iroContact?: string | null;
  forCourtProceedings?: boolean | null;
  wishesAndFeelings?: string | null;
  contactArrangements?: string | null;
  areas?: Array<{ code: string; text?: string | null; missingReason?: string | null }> | null;
  objectives?: Array<{ id?: string | null; text: string; sourcePlanId?: string | null; qualityStandard: string }> | null;
}

function areaCodes(kind: PlanKindCode): ReadonlyArray<{ code: string }> | null {
  if (kind === 'PLACEMENT') return PLACEMENT_PLAN_AREAS;
  if (kind === 'PATHWAY') return PATHWAY_PLAN_AREAS;
  return null;
}

/**
 * Builds a version's content from the previous version and a patch, validating codes for the kind.
 * @param kind - the plan kind
 * @param previous - the content of the version revised (empty for a new plan)
 * @param patch - the fields sent
 * @returns the new content
 */
export function buildContent(kind: PlanKindCode, previous: PlanContent, patch: PlanContentPatch): PlanContent {
  const next: PlanContent = { ...previous };
  for (const k of ['summary', 'permanencePlan', 'iroName', 'iroContact', 'wishesAndFeelings', 'contactArrangements'] as const) {
    if (patch[k] !== undefined && patch[k] !== null) next[k] = patch[k];
  }
  if (patch.forCourtProceedings !== undefined && patch.forCourtProceedings !== null) {
    if (kind !== 'CARE') throw new InputError('only a care plan is for court proceedings', { field: 'forCourtProceedings', reason: 'NOT_FOR_KIND' });
    next.forCourtProceedings = patch.forCourtProceedings;
  }
  if (patch.areas) {
    const allowed = areaCodes(kind);
    if (!allowed) throw new InputError(`a ${kind} plan has no structured areas`, { field: 'areas', reason: 'NOT_FOR_KIND' });
    const byCode = new Map((previous.areas ?? []).map((a) => [a.code, a]));
    for (const a of patch.areas) {
      if (!allowed.some((x) => x.code === a.code)) throw new InputError(`unknown area ${a.code} for a ${kind} plan`, { field: 'areas', reason: 'UNKNOWN_AREA' });
      const text = a.text ?? '';
      const missingReason = a.missingReason?.trim() ? a.missingReason.trim() : null;
      if (!text.trim() && !missingReason) {
        throw new InputError(`area ${a.code} needs its text, or the reason it is missing`, { field: 'areas', reason: 'AREA_TEXT_OR_REASON', area: a.code });
      }
      byCode.set(a.code, text.trim() ? { code: a.code, text } : { code: a.code, text: '', missingReason });
    }
    next.areas = allowed.filter((x) => byCode.has(x.code)).map((x) => byCode.get(x.code)!);
  }
  if (patch.objectives) {
    if (kind !== 'PROVIDER') throw new InputError('only a provider plan has objectives', { field: 'objectives', reason: 'NOT_FOR_KIND' });
    next.objectives = patch.objectives.map((o) => {
      if (!(QUALITY_STANDARDS as readonly string[]).includes(o.qualityStandard)) {
        throw new InputError(`unknown Quality Standard ${o.qualityStandard}`, { field: 'objectives', reason: 'UNKNOWN_QUALITY_STANDARD' });
      }
      if (!o.text.trim()) throw new InputError('an objective needs text', { field: 'objectives', reason: 'REQUIRED' });
      return { id: o.id ?? randomUUID(), text: o.text, sourcePlanId: o.sourcePlanId ?? null, qualityStandard: o.qualityStandard };
    });
  }
  return next;
}

/**
 * Completeness of the structured areas: each area is complete when it has non-blank text.
 * @param kind - PLACEMENT or PATHWAY
 * @param content - the version's content
 * @returns every area with its completeness, and the percentage complete (rounded down)
 */
export function areaCompleteness(kind: PlanKindCode, content: PlanContent): {
  areas: Array<{ code: string; title: string; text: string | null; complete: boolean; missingReason: string | null }>; percent: number;
} {
  const all = kind === 'PLACEMENT' ? PLACEMENT_PLAN_AREAS : kind === 'PATHWAY' ? PATHWAY_PLAN_AREAS : [];
  const written = new Map((content.areas ?? []).map((a) => [a.code, a]));
  const areas = all.map((a) => {
    const w = written.get(a.code);
    const text = w?.text?.trim() ? w.text : null;
    return { code: a.code, title: a.title, text, complete: Boolean(text), missingReason: text ? null : w?.missingReason ?? null };
  });
  const done = areas.filter((a) => a.complete).length;
  return { areas, percent: all.length ? Math.floor((100 * done) / all.length) : 100 };
}

/**
 * The areas of a placement plan neither written nor explained (PP-DUE-5WD is met only by a plan that is complete,
 * or says which areas are missing and why: seeds 000 and 001, CPPCR Sch 2).
 * @param kind - the plan kind (only PLACEMENT is checked)
 * @param content - the version's content
 * @returns the codes of the areas left blank without a reason
 */
export function unexplainedAreas(kind: PlanKindCode, content: PlanContent): string[] {
  if (kind !== 'PLACEMENT') return [];
  return areaCompleteness(kind, content).areas.filter((a) => !a.complete && !a.missingReason).map((a) => a.code);
}

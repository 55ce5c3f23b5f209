import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { CareLeaverStatusEntity, MissingEpisodeEntity, Ssda903ChildEntity, Ssda903PeriodEntity, Ssda903PlacementEntity } from './ssda903.entity';

/** A review held, as the reviews service contributes it to the return. */
@Directive('@shareable')
@ObjectType({ description: 'A Looked After Review held in the collection year (from the reviews service).' })
export class Ssda903ReviewFact {
  @Field(() => ID)
  childId!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  heldOn!: string;

  @Field(() => String, { nullable: true, description: 'REVIEW_CODE PN0–PN7.' })
  participation?: string | null;
}

/** One CSV table of the return, with the DfE's file and column names. */
@ObjectType()
export class Ssda903Table {
  @Field(() => String, { description: 'Header, Episodes, Reviews, Missing, OC3.' })
  name!: string;

  @Field(() => String, { description: 'The file name, e.g. episodes.csv.' })
  fileName!: string;

  @Field(() => [String], { description: 'The DfE column names, in order.' })
  columns!: string[];

  @Field(() => [[String]], { description: 'One list per row, in column order; a blank field is an empty string.' })
  rows!: string[][];

  @Field(() => String, { description: 'The file content: the header line and the rows, CRLF line ends.' })
  csv!: string;
}

/** A table of the return the hub does not fill. */
@ObjectType()
export class Ssda903OmittedTable {
  @Field(() => String)
  table!: string;

  @Field(() => String)
  fileName!: string;

  @Field(() => String)
  reason!: string;
}

/** Something that would fail the return. */
@ObjectType()
export class Ssda903Issue {
  @Field(() => String, { description: 'Stable code, e.g. MISSING_CIN, NO_PLACEMENT, MISSING_REASON_PLACE_CHANGE.' })
  code!: string;

  @Field(() => String)
  table!: string;

  @Field(() => String)
  field!: string;

  @Field(() => String)
  message!: string;
}

/** A child's issues before the return is exported. */
@ObjectType()
export class Ssda903ChildIssues {
  @Field(() => ID)
  childId!: string;

  @Field(() => String, { nullable: true, description: 'The case reference, used as CHILD.' })
  caseReference?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => [Ssda903Issue])
  issues!: Ssda903Issue[];
}

/**
 * An authority's SSDA903 return for a collection year. The reviews service contributes `reviewsHeld`; the
 * tables are built here from it and the children service's own records.
 */
@Directive('@key(fields: "authority collectionYear")')
@ObjectType({ description: "An authority's SSDA903 children looked after return for a collection year." })
export class Ssda903Return {
  @Field(() => String)
  authority!: string;

  @Field(() => String, { description: 'e.g. 2025-26 (1 April 2025 to 31 March 2026).' })
  collectionYear!: string;

  @Directive('@external')
  @Field(() => [Ssda903ReviewFact], { description: "Reviews held in the year, by the reviews service, for the authority's children." })
  reviewsHeld?: Ssda903ReviewFact[];
}

/** The return's facts about a child's period of care. */
@ObjectType()
export class Ssda903PeriodDetails {
  @Field(() => ID)
  periodOfCareId!: string;

  @Field(() => String, { nullable: true, description: 'CIN: category of need N1–N8.' })
  needCode?: string | null;

  @Field(() => String, { nullable: true, description: 'HOME_POST: postcode of the home when the child became looked after.' })
  homePostcode?: string | null;
}

/** The return's facts about a placement. */
@ObjectType()
export class Ssda903PlacementDetails {
  @Field(() => ID)
  placementId!: string;

  @Field(() => String, { nullable: true, description: 'PLACE_PROVIDER PR0–PR5.' })
  placeProvider?: string | null;

  @Field(() => String, { nullable: true, description: 'PL_POST: the placement postcode.' })
  postcode?: string | null;

  @Field(() => String, { nullable: true, description: 'URN: Ofsted unique reference number, XXXXXXX for none.' })
  urn?: string | null;
}

/** A missing or away-without-authorisation episode. */
@ObjectType()
export class MissingEpisode {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'M missing, A away without authorisation.' })
  kind!: string;

  @Field(() => String)
  startedOn!: string;

  @Field(() => String, { nullable: true })
  endedOn?: string | null;
}

/** A care leaver's situation around a birthday (OC3). */
@ObjectType()
export class CareLeaverStatus {
  @Field(() => Int, { description: '17 to 21.' })
  birthday!: number;

  @Field(() => String, { description: 'IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM.' })
  inTouch!: string;

  @Field(() => String, { description: 'ACTIV: F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6 or 0.' })
  activity!: string;

  @Field(() => String, { description: 'ACCOM: B1 … Z2 or 0.' })
  accommodation!: string;
}

/** What the hub records for the SSDA903 return beyond the case record. */
@ObjectType()
export class Ssda903ChildRecord {
  @Field(() => String, { nullable: true, description: 'UPN, or UN1–UN10.' })
  upn?: string | null;

  @Field(() => String, { nullable: true, description: "MC_DOB: the date of birth of the young woman's first child." })
  motherChildDob?: string | null;

  @Field(() => [Ssda903PeriodDetails])
  periods!: Ssda903PeriodDetails[];

  @Field(() => [Ssda903PlacementDetails])
  placements!: Ssda903PlacementDetails[];

  @Field(() => [MissingEpisode])
  missingEpisodes!: MissingEpisode[];

  @Field(() => [CareLeaverStatus])
  careLeaverStatuses!: CareLeaverStatus[];
}

@InputType()
export class Ssda903ChildDetailsInput {
  @MaxLength(13)
  @Field(() => String, { nullable: true, description: 'UPN (13 characters) or UN1–UN10; blank clears it.' })
  upn?: string | null;

  @MaxLength(10)
  @Field(() => String, { nullable: true, description: "MC_DOB, YYYY-MM-DD; blank clears it." })
  motherChildDob?: string | null;
}

@InputType()
export class Ssda903PeriodDetailsInput {
  @MaxLength(2)
  @Field(() => String, { nullable: true, description: 'CIN N1–N8.' })
  needCode?: string | null;

  @MaxLength(8)
  @Field(() => String, { nullable: true, description: 'HOME_POST.' })
  homePostcode?: string | null;
}

@InputType()
export class Ssda903PlacementDetailsInput {
  @MaxLength(3)
  @Field(() => String, { nullable: true, description: 'PLACE_PROVIDER PR0–PR5.' })
  placeProvider?: string | null;

  @MaxLength(8)
  @Field(() => String, { nullable: true, description: 'PL_POST.' })
  postcode?: string | null;

  @MaxLength(8)
  @Field(() => String, { nullable: true, description: 'URN, XXXXXXX for none.' })
  urn?: string | null;
}

@InputType()
export class MissingEpisodeInput {
  @MaxLength(1)
  @Field(() => String, { description: 'M or A.' })
  kind!: string;

  @MaxLength(10)
  @Field(() => String)
  startedOn!: string;

  @MaxLength(10)
  @Field(() => String, { nullable: true })
  endedOn?: string | null;
}

@InputType()
export class CareLeaverStatusInput {
  @Field(() => Int, { description: '17 to 21.' })
  birthday!: number;

  @MaxLength(4)
  @Field(() => String)
  inTouch!: string;

  @MaxLength(2)
  @Field(() => String)
  activity!: string;

  @MaxLength(2)
  @Field(() => String)
  accommodation!: string;
}

export const toPeriodDetails = (r: Ssda903PeriodEntity) => Object.assign(new Ssda903PeriodDetails(), { periodOfCareId: r.periodOfCareId, needCode: r.needCode ?? null, homePostcode: r.homePostcode ?? null });
export const toPlacementDetails = (r: Ssda903PlacementEntity) => Object.assign(new Ssda903PlacementDetails(), { placementId: r.placementId, placeProvider: r.placeProvider ?? null, postcode: r.postcode ?? null, urn: r.urn ?? null });
export const toMissingEpisode = (r: MissingEpisodeEntity) => Object.assign(new MissingEpisode(), { id: r.id, kind: r.kind, startedOn: r.startedOn, endedOn: r.endedOn ?? null });
export const toCareLeaverStatus = (r: CareLeaverStatusEntity) => Object.assign(new CareLeaverStatus(), { birthday: r.birthday, inTouch: r.inTouch, activity: r.activity, accommodation: r.accommodation });
export const toChildRecord = (d: Ssda903ChildEntity | null) => ({ upn: d?.upn ?? null, motherChildDob: d?.motherChildDob ?? null });

import type { Db } from '../db/client';
import { profileSchema, type CompanyProfile } from '../domain/profile';

type ProfileRow = NonNullable<Awaited<ReturnType<Db['companyProfile']['findUnique']>>>;

/** The client's view of a stored profile, complete or not (nulls where nothing was chosen yet). */
function profileFields(row: ProfileRow) {
  return {
    companyName: row.companyName,
    industry: row.industry,
    revenueBand: row.revenueBand,
    teamSize: row.teamSize,
    businessModel: row.businessModel,
    growthStage: row.growthStage,
    regulated: row.regulated,
    hasPhysicalProducts: row.hasPhysicalProducts,
    subscriptionModel: row.subscriptionModel,
    channelSales: row.channelSales,
    headcountGrowthOver50: row.headcountGrowthOver50,
    challenges: row.challenges ?? '',
    objectives: row.objectives ?? '',
  };
}

/** A stored profile as the domain type; null until the client has filled in the required fields. */
export function toDomainProfile(row: ProfileRow | null | undefined): CompanyProfile | null {
  if (!row) return null;
  const fields = Object.fromEntries(Object.entries(profileFields(row)).filter(([, v]) => v !== null));
  const parsed = profileSchema.safeParse(fields);
  return parsed.success ? parsed.data : null;
}

/** The profile as the client sees it, complete or not. */
export function profileView(row: ProfileRow | null | undefined) {
  if (!row) return null;
  return { ...profileFields(row), complete: toDomainProfile(row) !== null };
}

export async function loadProfile(db: Db, userId: string): Promise<CompanyProfile | null> {
  return toDomainProfile(await db.companyProfile.findUnique({ where: { userId } }));
}

export async function saveProfile(db: Db, userId: string, profile: CompanyProfile) {
  const data = { ...profile };
  return db.companyProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

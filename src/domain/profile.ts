import { z } from 'zod';

/** Company profile (PUT /api/me/profile). It decides which conditional questions apply. */
export const INDUSTRIES = [
  'technology',
  'saas',
  'financial-services',
  'healthcare',
  'energy',
  'manufacturing',
  'retail-ecommerce',
  'professional-services',
  'marketplace',
  'media',
  'logistics',
  'other',
] as const;
export const REVENUE_BANDS = ['under-1m', '1m-5m', '5m-10m', '10m-25m', '25m-50m', 'over-50m'] as const;
export const TEAM_SIZES = ['1-10', '11-50', '51-100', '101-250', '251-500', 'over-500'] as const;
export const BUSINESS_MODELS = ['b2b', 'b2c', 'b2b2c', 'marketplace'] as const;
export const GROWTH_STAGES = ['early', 'scaling', 'rapid-growth', 'mature'] as const;
/** Regulated industries per DOMAIN.md: financial services, healthcare, energy. */
export const REGULATED_INDUSTRIES = ['financial-services', 'healthcare', 'energy'] as const;

export const profileSchema = z
  .object({
    companyName: z.string().trim().min(1, 'companyName is required').max(200),
    industry: z.enum(INDUSTRIES),
    revenueBand: z.enum(REVENUE_BANDS),
    teamSize: z.enum(TEAM_SIZES),
    businessModel: z.enum(BUSINESS_MODELS),
    growthStage: z.enum(GROWTH_STAGES),
    regulated: z.boolean(),
    hasPhysicalProducts: z.boolean(),
    /** Extra facts that switch conditional questions on. */
    subscriptionModel: z.boolean().default(false),
    channelSales: z.boolean().default(false),
    headcountGrowthOver50: z.boolean().default(false),
    challenges: z.string().trim().max(4000).default(''),
    objectives: z.string().trim().max(4000).default(''),
  })
  .strict();

export type CompanyProfile = z.infer<typeof profileSchema>;

/** The facts a conditional question can depend on, derived from a profile. */
export interface ProfileFacts {
  regulated: boolean;
  revenueOver10m: boolean;
  b2b: boolean;
  b2c: boolean;
  /** Sells services rather than a product. */
  services: boolean;
  physicalProducts: boolean;
  over50Employees: boolean;
  over100Employees: boolean;
  rapidGrowth: boolean;
  subscription: boolean;
  channelSales: boolean;
  platform: boolean;
}

export type ProfileCondition = keyof ProfileFacts;

export function profileFacts(p: CompanyProfile | null | undefined): ProfileFacts {
  if (!p) {
    return {
      regulated: false,
      revenueOver10m: false,
      b2b: false,
      b2c: false,
      services: false,
      physicalProducts: false,
      over50Employees: false,
      over100Employees: false,
      rapidGrowth: false,
      subscription: false,
      channelSales: false,
      platform: false,
    };
  }
  return {
    regulated: p.regulated || (REGULATED_INDUSTRIES as readonly string[]).includes(p.industry),
    revenueOver10m: ['10m-25m', '25m-50m', 'over-50m'].includes(p.revenueBand),
    b2b: p.businessModel === 'b2b' || p.businessModel === 'b2b2c',
    b2c: p.businessModel === 'b2c' || p.businessModel === 'b2b2c',
    services: p.industry === 'professional-services',
    physicalProducts: p.hasPhysicalProducts,
    over50Employees: !['1-10', '11-50'].includes(p.teamSize),
    over100Employees: !['1-10', '11-50', '51-100'].includes(p.teamSize),
    rapidGrowth: p.headcountGrowthOver50 || p.growthStage === 'rapid-growth',
    subscription: p.subscriptionModel || p.industry === 'saas',
    channelSales: p.channelSales,
    platform: p.businessModel === 'marketplace' || p.industry === 'marketplace',
  };
}

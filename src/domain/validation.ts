import { z } from 'zod';

/** The client's validation of the detailed report (DOMAIN.md "Validation"), POST /api/assessments/:id/validation. */
export const validationSchema = z
  .object({
    priorities: z
      .array(
        z
          .object({
            recommendationId: z.string().min(1),
            /** 1 = strongly disagree ... 5 = strongly agree. */
            agreement: z.number().int().min(1).max(5),
            reason: z.string().trim().max(2000).optional(),
            context: z.string().trim().max(2000).optional(),
            resources: z.enum(['high', 'medium', 'low', 'very-low']),
          })
          .strict(),
      )
      // Empty when the report has no priority (a healthy company): the overall answers still shape the kits.
      .max(5),
    capacityForChange: z.enum(['high', 'medium', 'low', 'very-low']),
    timelinePreference: z.enum(['aggressive', 'standard', 'conservative', 'flexible']),
    constraints: z.string().trim().max(4000).default(''),
    successCriteria: z.string().trim().max(4000).default(''),
  })
  .strict();

export type ValidationResponse = z.infer<typeof validationSchema>;

import { z } from 'zod';

/** RFC 9457 problem details, the one error shape shared by server and web. */
export const problemResponse = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ProblemResponse = z.infer<typeof problemResponse>;

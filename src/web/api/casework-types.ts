/**
 * The shapes of the social case's and the personakt's answers, from the capability's contract
 * (src/social-case/contract.ts, ADR 0019): a field renamed there breaks the build here. Where the server sends a string
 * the web relies on a closed set of values for (a letter's direction and channel), the type narrows that
 * field (`Narrow`).
 */
import type { z } from 'zod';
import type { Answer, Narrow } from '../../domain/answer.ts';
import type { CHANNELS, DIRECTIONS } from '../../domain/social-case/codes.ts';
import type {
  CaseloadResponse,
  CreatedResponse,
  DocumentsResponse,
  JournalEntrySchema,
  SocialCaseSchema,
  SubstituteSchema,
} from '../../social-case/contract.ts';

/** The social case; its steps, each with the route that takes it, are those the caller may take now. */
export type SocialCase = Answer<z.infer<typeof SocialCaseSchema>>;

export type Caseload = Answer<z.infer<typeof CaseloadResponse>>;

export type CaseItem = Caseload['items'][number];

export type WorkerLoad = Caseload['workers'][number];

export type Substitute = Answer<z.infer<typeof SubstituteSchema>>;

export type PersonaktEntry = Narrow<
  Answer<z.infer<typeof JournalEntrySchema>>,
  {
    readonly direction: (typeof DIRECTIONS)[number] | null;
    readonly channel: (typeof CHANNELS)[number] | null;
  }
>;

export type CaseDocuments = Answer<z.infer<typeof DocumentsResponse>>;

/** A journal entry written. */
export type JournalEntryCreated = Answer<z.infer<typeof CreatedResponse>>;

/** The county board's answers (capacity survey, redistribution), from the contracts (ADR 0019). */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type {
  AgreementsSchema,
  CountyCapacitySchema,
  CountyPeriodSchema,
  MunicipalityCapacitySchema,
  NetworkSchema,
  NetworksSchema,
  ProgrammesSchema,
  RemindersSentSchema,
} from '../../county/contract.ts';
import type { CountySharesSchema, RedistributionSchema } from '../../allocation/contract.ts';

export type MunicipalityCapacity = Answer<z.infer<typeof MunicipalityCapacitySchema>>;
export type CapacityPeriodOfMunicipality = MunicipalityCapacity['periods'][number];
export type CountyCapacity = Answer<z.infer<typeof CountyCapacitySchema>>;
export type CountyPeriod = Answer<z.infer<typeof CountyPeriodSchema>>;
export type CountyPeriodRow = CountyPeriod['municipalities'][number];
export type RemindersSent = Answer<z.infer<typeof RemindersSentSchema>>;
export type CountyShares = Answer<z.infer<typeof CountySharesSchema>>;
export type Redistribution = Answer<z.infer<typeof RedistributionSchema>>;
export type Programmes = Answer<z.infer<typeof ProgrammesSchema>>;
export type Programme = Programmes['programmes'][number];
export type Agreements = Answer<z.infer<typeof AgreementsSchema>>;
export type Agreement = Agreements['agreements'][number];
export type Networks = Answer<z.infer<typeof NetworksSchema>>;
export type Network = Answer<z.infer<typeof NetworkSchema>>;
export type NetworkMember = Network['members'][number];
export type ParticipationReport = Network['report'];

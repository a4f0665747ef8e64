/** `npm run docs:diagrams`: writes docs/state-machines.md from the transition tables in src/domain/case. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateMachinesDocument } from '../src/domain/case/document.ts';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'state-machines.md'), stateMachinesDocument());
console.log('docs/state-machines.md written');

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (tests run from build/tests/...). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const conformanceDir = join(repoRoot, 'tests', 'conformance');
export const casesDir = join(conformanceDir, 'cases');
export const expectedDir = join(conformanceDir, 'expected');

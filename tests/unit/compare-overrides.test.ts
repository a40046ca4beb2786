// Manual series corrections (corpus/series.json): read, validated, and wrong files named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeriesOverrides } from '../../server/compare/overrides.js';
import { ROOT } from '../helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'precedent-series-'));

describe('series overrides', () => {
  it('reads the bundled file: it validates, and holds a list of joins and one of exclusions', () => {
    // Whatever corrections it holds: adding a real one must not fail this test.
    const bundled = readSeriesOverrides(join(ROOT, 'corpus/series.json'));
    expect(Array.isArray(bundled.join)).toBe(true);
    expect(Array.isArray(bundled.exclude)).toBe(true);
  });

  it('means no corrections when the file is absent', () => {
    expect(readSeriesOverrides(join(dir, 'none.json'))).toEqual({});
  });

  it('reads joins and exclusions', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify({ join: [['A/RES/75/196', 'A/RES/76/187']], exclude: ['A/RES/80/1'] }));
    expect(readSeriesOverrides(file)).toEqual({ join: [['A/RES/75/196', 'A/RES/76/187']], exclude: ['A/RES/80/1'] });
  });

  it('names the file and the problem when it is wrong', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "join": [["A/RES/75/196"]] }');
    expect(() => readSeriesOverrides(bad)).toThrow(/bad\.json: join\.0/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ join');
    expect(() => readSeriesOverrides(broken)).toThrow(/broken\.json: not valid JSON/);
  });
});

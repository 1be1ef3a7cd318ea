import { describe, expect, it } from 'vitest';
import { fetchScenarioData, readScenarioData } from '../../src/game/scenario-data.js';
import { tinyCompiled } from './support.js';

const good = { scenarios: [{ file: 'scenarios/tiny.yaml', scenario: tinyCompiled().scenario }], problems: [], warnings: ['scenarios/tiny.yaml:1:1: warning BC900: a note'] };
const answer = (body: string, init: ResponseInit = {}) => (async () => new Response(body, init)) as typeof fetch;

describe('fetching the scenario file', () => {
  it('gives the data when the file is there', async () => {
    const r = await fetchScenarioData('./assets/scenarios-a.json', answer(JSON.stringify(good), { headers: { 'content-type': 'application/json' } }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.scenarios[0]!.scenario.id).toBe('tiny');
      expect(r.data.warnings).toEqual(good.warnings);
    }
  });

  it('says why when the server answers with an error', async () => {
    const r = await fetchScenarioData('./assets/scenarios-a.json', answer('gone', { status: 404, statusText: 'Not Found' }));
    expect(r).toEqual({ ok: false, reason: './assets/scenarios-a.json: the server answered HTTP 404 Not Found' });
  });

  it('says why when the network fails, and never rejects', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(fetchScenarioData('./s.json', failing)).resolves.toEqual({ ok: false, reason: './s.json: the request failed (Failed to fetch); check the network connection and try again' });
  });

  it('says so when no answer comes in time, rather than wait for ever', async () => {
    const stalled = ((_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    await expect(fetchScenarioData('./s.json', stalled, 20)).resolves.toEqual({ ok: false, reason: './s.json: no answer within 0.02 seconds' });
  });

  it('refuses a page that is not the data, as a static host serves for a missing file', async () => {
    const html = await fetchScenarioData('./s.json', answer('<!doctype html><title>x</title>', { headers: { 'content-type': 'text/html' } }));
    expect(html).toEqual({ ok: false, reason: './s.json: the answer is not JSON (text/html)' });
    const other = await fetchScenarioData('./s.json', answer('{"scenarios": "no"}'));
    expect(other.ok).toBe(false);
  });

  it('checks the shape only', () => {
    expect(readScenarioData(good)).toBe(good);
    expect(readScenarioData(null)).toBeNull();
    expect(readScenarioData({ scenarios: [], problems: [], warnings: [] })).not.toBeNull();
    expect(readScenarioData({ scenarios: [{ file: 'x' }], problems: [], warnings: [] })).toBeNull();
    expect(readScenarioData({ scenarios: [{ file: 'x', scenario: { id: 1 } }], problems: [], warnings: [] })).toBeNull();
    expect(readScenarioData({ scenarios: [], problems: [3], warnings: [] })).toBeNull();
  });

  it('takes a scenario’s translations when they have the expected shape', () => {
    const withTranslation = (t: unknown) => ({ ...good, scenarios: [{ ...good.scenarios[0]!, translations: t }] });
    expect(readScenarioData(withTranslation([{ file: 'scenarios/tiny.es.yaml', language: 'es', texts: { title: 'Una llamada' } }]))).not.toBeNull();
    expect(readScenarioData(withTranslation([]))).not.toBeNull();
    expect(readScenarioData(withTranslation({}))).toBeNull();
    expect(readScenarioData(withTranslation([{ file: 'x', language: 'es', texts: { title: 3 } }]))).toBeNull();
    expect(readScenarioData(withTranslation([{ file: 'x', texts: {} }]))).toBeNull();
    expect(readScenarioData({ ...good, translationProblems: [{ file: 'x', scenario: 'tiny', language: 'es', problems: ['x:1:1: error BC702: …'] }] })).not.toBeNull();
    expect(readScenarioData({ ...good, translationProblems: [{ file: 'x' }] })).toBeNull();
  });
});

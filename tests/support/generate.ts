/**
 * A large valid scenario, generated: a corridor of beats in parts, each
 * with a line and two choices, one reading a meter, with endings at the
 * end. Used by the benchmarks and the simulator's tests.
 */
import { stringify } from 'yaml';

/** YAML text of a valid scenario with `beats` beats. */
export function generateScenarioYaml(beats: number): string {
  const partSize = 250;
  const parts = Array.from({ length: Math.ceil(beats / partSize) }, (_, i) => ({ id: `part-${i}`, title: `Part ${i + 1}` }));
  const beatList = Array.from({ length: beats }, (_, i) => {
    const id = `b${i}`;
    const next = i + 1 < beats ? { next: `b${i + 1}` } : { end: 'deal' };
    const skip = i + 2 < beats ? { next: `b${i + 2}` } : { end: 'walkout' };
    return {
      id,
      part: `part-${Math.floor(i / partSize)}`,
      lines: [{ id: `${id}-l`, speaker: 'envoy', text: `Point ${i} on the agenda.`, invented: true }],
      choices: [
        { id: `${id}-agree`, text: 'Agree and move on.', effects: i % 50 === 0 ? [{ meter: 'trust', add: 1 }] : [], ...next },
        {
          id: `${id}-skip`,
          text: 'Skip the next point.',
          when: { meter: 'trust', gte: 0 },
          unavailable: 'Needs trust of 0 or more',
          ...skip,
        },
      ],
    };
  });
  const scenario = {
    backchannel: 1,
    id: 'generated',
    title: 'Generated scenario',
    summary: 'A long generated corridor of beats for benchmarks.',
    period: { label: 'Nowhere in particular' },
    sources: [{ id: 'gen', title: 'Generator', publisher: 'Backchannel benchmarks', date: '2026-01-01' }],
    objectives: [{ id: 'o', text: 'Measure the engine.' }],
    parts,
    sides: [
      { id: 'a', name: 'A', walkaway: 0 },
      { id: 'b', name: 'B', walkaway: 0 },
    ],
    roles: [
      { id: 'a', side: 'a', name: 'A', summary: 'Side A.', start: 'b0', briefing: [{ id: 'ba', text: 'Brief.', source: 'gen' }], goals: [{ id: 'ga', text: 'Goal.', invented: true }] },
    ],
    actors: [{ id: 'envoy', name: 'Envoy', title: 'Invented character' }],
    meters: [{ id: 'trust', label: 'Trust', min: 0, max: 3, start: 0 }],
    endings: [
      { id: 'deal', title: 'Deal', kind: 'agreement', summary: 'Done.', debrief: 'Done.' },
      { id: 'walkout', title: 'Walkout', kind: 'impasse', summary: 'Gone.', debrief: 'Gone.' },
    ],
    beats: beatList,
  };
  return stringify(scenario);
}

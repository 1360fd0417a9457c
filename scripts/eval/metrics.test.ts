import {
  changedBetween,
  citedFacts,
  citedStatements,
  forbiddenAdvice,
  mechanicsHits,
  sentenceSet,
  sharedWithOthers,
  triageAgreement,
} from './metrics';
import { visibleText } from './visible-text';
import { HIRING_STEP } from '../../test/eval/types';

describe('evaluation metrics', () => {
  it('reads the visible text of a deliverable: blocks on lines, no styles, titles or markup, entities decoded', () => {
    const html =
      '<html><head><title>Kits</title><style>p{color:red}</style></head><body><main><h1>Kits &amp; plans</h1>' +
      '<p>Cash at bank: &pound;812k.</p><ul><li>One</li><li>Two&nbsp;words</li></ul>' +
      '<table><tr><th>KPI</th><td>97.4%</td></tr></table><svg><title>hidden</title><text>Finance 4/10</text></svg></main></body></html>';
    expect(visibleText(html).split('\n')).toEqual([
      'Kits & plans',
      'Cash at bank: £812k.',
      'One',
      'Two words',
      'KPI',
      '97.4%',
      'Finance 4/10',
    ]);
  });

  it('counts normalised sentences of six words or more, masking names and figures', () => {
    const a = sentenceSet(
      'Acme Ltd should cut churn from 3.6% to 1.5% by June.\nShort heading\nAsk Priya Nair to own the weekly review of accounts.',
      ['Acme Ltd', 'Priya Nair'],
    );
    const b = sentenceSet(
      'Zenith Ltd should cut churn from 5.1% to 2% by June. Ask Sam Cole to own the weekly review of accounts.',
      ['Zenith Ltd', 'Sam Cole'],
    );
    expect(a.size).toBe(2);
    expect(sharedWithOthers(a, [b])).toEqual({ count: 2, total: 2 });
    expect(changedBetween(a, b)).toEqual({ count: 0, total: 2 });
  });

  it('leaves out sentences that only echo the client’s words', () => {
    const words = 'Hiring freeze until March 2027: no new roles of any kind.';
    const kit =
      'Hiring freeze until March 2027: no new roles of any kind.\nMove renewals to the customer success lead within two weeks.';
    expect(sentenceSet(kit, [], words).size).toBe(1);
  });

  it('measures change and sharing as shares of the first set', () => {
    const a = new Set(['a b c d e f', 'g h i j k l', 'm n o p q r', 's t u v w x']);
    const b = new Set(['a b c d e f']);
    expect(changedBetween(a, b)).toEqual({ count: 3, total: 4 });
    expect(sharedWithOthers(a, [b, new Set(['g h i j k l'])])).toEqual({ count: 2, total: 4 });
  });

  it('finds cited facts in any form and verbatim statements despite curly quotes', () => {
    const text =
      'Your board pack shows cash at bank of £812,000 and a runway of 13 months. You told us: “I’m the only one who can discount.”';
    expect(
      citedFacts(text, [
        { what: 'cash', forms: ['£812k', '£812,000'] },
        { what: 'burn', forms: ['£61k'] },
      ]),
    ).toEqual({ count: 1, total: 2, missing: ['burn'] });
    expect(citedStatements(text, ["I'm the only one who can discount", 'three figures'])).toEqual({
      count: 1,
      total: 2,
      missing: ['three figures'],
    });
  });

  it('flags forbidden advice but not the client’s own quoted words', () => {
    const text =
      'Hire a customer success manager by February. You said: “The deals slipped. Whether to hire a second account executive.” Train an existing lead instead.';
    expect(forbiddenAdvice(text, [HIRING_STEP]).map((v) => v.sentence)).toEqual([
      'Hire a customer success manager by February.',
    ]);
  });

  it('counts internal-mechanics hits with their source, and triage agreement', () => {
    expect(
      mechanicsHits([{ source: 'kits', text: 'Evidence: answer rev-01 (rated high impact).' }]).map(
        (h) => h.name,
      ),
    ).toEqual(['question id', 'internal mechanics']);
    expect(triageAgreement(['a', 'b', 'x'], ['a', 'b', 'c'])).toEqual({
      count: 2,
      total: 3,
      missed: ['c'],
      extra: ['x'],
    });
  });
});

import type { ReportDraft } from '../../src/concerns/reportDraft';
import { reportRoute, reportSummary } from '../../src/concerns/reportSummary';
import { reportWords } from '../helpers/reportWords';

const words = reportWords();
const w = words.content.summary;

const FULL: ReportDraft = {
  submissionId: 'test',
  answers: {
    subject: 'child',
    worry: 'My lad keeps going missing',
    whoAtRisk: 'my son',
    relationship: 'parent',
    childAge: 'about 14',
    place: 'Hillsborough',
    when: 'ongoing',
    dangerNow: 'no',
    peopleInvolved: 'older lads in a black Golf',
    howTheyKnow: 'saw-it',
    communicationNeeds: null,
  },
  area: 'sheffield',
  removedDetails: 0,
};

describe('reportSummary', () => {
  it('shows every answer in order, choices by their labels and skipped answers as skipped', () => {
    expect(reportSummary(FULL, words)).toBe(
      [
        w.intro,
        [
          'About: A child or young person',
          "What's worrying you: My lad keeps going missing",
          'Who is at risk: my son',
          "How you know them: I'm their parent or carer",
          'Age: about 14',
          'Where: Hillsborough (Sheffield)',
          'When: It keeps happening',
          'Anyone in danger now: No',
          'People involved: older lads in a black Golf',
          'Seen or heard: I saw it myself',
          'Language or communication: (skipped)',
          'Contact: Anonymous',
        ].join('\n'),
        'It will go to: Sheffield Safeguarding Hub.',
      ].join('\n\n'),
    );
  });

  it('shows a contact detail as typed, and says first when someone may be in danger', () => {
    const draft: ReportDraft = { ...FULL, urgentAnswer: true, contact: { how: '07700 900123', consentAt: '2026-11-24T10:00:00.000Z' } };
    const summary = reportSummary(draft, words);
    expect(summary).toContain('Contact: Contact me on: 07700 900123');
    expect(summary.endsWith(`${w.urgent}\nIt will go to: Sheffield Safeguarding Hub.`)).toBe(true);
  });

  it('leaves the area out of "Where" when the place is not in South Yorkshire', () => {
    const summary = reportSummary({ ...FULL, answers: { ...FULL.answers, place: 'Leeds' }, area: null }, words);
    expect(summary).toContain('Where: Leeds\n');
    expect(summary).toContain('It will go to: South Yorkshire partnership duty desk');
  });

  it('does not name the area twice when the place already is the area ("Barnsley", not "Barnsley (Barnsley)")', () => {
    const summary = reportSummary({ ...FULL, answers: { ...FULL.answers, place: 'sheffield city centre' }, area: 'sheffield' }, words);
    expect(summary).toContain('Where: sheffield city centre\n');
  });

  it('shows an empty report as all skipped, going to the fallback desk', () => {
    const summary = reportSummary({ submissionId: 'test', answers: {}, removedDetails: 0 }, words);
    expect(summary.match(/\(skipped\)/g)).toHaveLength(12);
    expect(summary).toContain('Contact: Anonymous');
  });

  it('leaves out the child\u2019s age and the parents\u2019 question for a place, and asks a parent only the age', () => {
    const place = reportSummary({ ...FULL, answers: { ...FULL.answers, subject: 'place', relationship: 'neighbour', parentsKnow: 'no' } }, words);
    expect(place).toContain("How you know them: I'm a neighbour");
    expect(place).not.toContain('Age:');
    expect(place).not.toContain('Parents or carers know');
    expect(reportSummary(FULL, words)).not.toContain('Parents or carers know');
    const neighbour = reportSummary({ ...FULL, answers: { ...FULL.answers, relationship: 'neighbour', parentsKnow: 'not-sure' } }, words);
    expect(neighbour).toContain('Parents or carers know: Not sure');
  });

  it('names the earlier report a new report follows', () => {
    const summary = reportSummary({ ...FULL, follows: 'K7PM-3XQ9-RT4W-HN2C' }, words);
    expect(summary.endsWith('It will go to: Sheffield Safeguarding Hub.\nIt follows your earlier report K7PM-3XQ9-RT4W-HN2C.')).toBe(true);
  });
});

describe('reportRoute', () => {
  const ids = (route: ReturnType<typeof reportRoute>) => [route.agency.id, ...route.alsoTo.map((a) => a.id)];
  it('sends a worry about a child to the area, and one about a place to the police', () => {
    expect(ids(reportRoute({ ...FULL, area: 'barnsley' }, words.agencies))).toEqual(['barnsley-front-door']);
    expect(ids(reportRoute({ ...FULL, answers: { subject: 'place' }, area: 'barnsley' }, words.agencies))).toEqual(['south-yorkshire-police']);
    expect(ids(reportRoute({ ...FULL, answers: { subject: 'not-sure' }, area: 'rotherham' }, words.agencies))).toEqual(['rotherham-mash']);
  });

  it('sends a place with children involved to the police and the area\u2019s front door, and says so in the summary', () => {
    const draft = { ...FULL, answers: { ...FULL.answers, subject: 'place', childrenInvolved: 'yes' }, area: 'rotherham' as const };
    expect(ids(reportRoute(draft, words.agencies))).toEqual(['south-yorkshire-police', 'rotherham-mash']);
    expect(reportSummary(draft, words)).toContain('It will go to: South Yorkshire Police (intelligence) and Rotherham Multi-Agency Safeguarding Hub (MASH).');
    expect(reportSummary(draft, words)).toContain('Children involved: Yes');
    expect(ids(reportRoute({ ...draft, answers: { ...draft.answers, childrenInvolved: 'not-sure' } }, words.agencies))).toEqual(['south-yorkshire-police']);
    // Asked only about a place: a child report never carries it.
    expect(reportSummary({ ...FULL, area: 'rotherham' }, words)).not.toContain('Children involved');
  });
});

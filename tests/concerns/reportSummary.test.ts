import type { ReportDraft } from '../../src/concerns/reportDraft';
import { reportAgency, reportSummary } from '../../src/concerns/reportSummary';
import { reportWords } from '../helpers/reportWords';

const words = reportWords();
const w = words.content.summary;

const FULL: ReportDraft = {
  submissionId: 'test',
  answers: {
    subject: 'child',
    worry: 'My lad keeps going missing',
    whoAtRisk: 'about 14, my son',
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
          'Who is at risk: about 14, my son',
          'Where: Hillsborough (Sheffield)',
          'When: It keeps happening',
          'Anyone in danger now: No',
          'People involved: older lads in a black Golf',
          'How you know: I saw it myself',
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

  it('shows an empty report as all skipped, going to the fallback desk', () => {
    const summary = reportSummary({ submissionId: 'test', answers: {}, removedDetails: 0 }, words);
    expect(summary.match(/\(skipped\)/g)).toHaveLength(9);
    expect(summary).toContain('Contact: Anonymous');
  });
});

describe('reportAgency', () => {
  it('sends a worry about a child to the area, and one about a place to the police', () => {
    expect(reportAgency({ ...FULL, area: 'barnsley' }, words.agencies).id).toBe('barnsley-front-door');
    expect(reportAgency({ ...FULL, answers: { subject: 'place' }, area: 'barnsley' }, words.agencies).id).toBe('south-yorkshire-police');
    expect(reportAgency({ ...FULL, answers: { subject: 'not-sure' }, area: 'rotherham' }, words.agencies).id).toBe('rotherham-mash');
  });
});
